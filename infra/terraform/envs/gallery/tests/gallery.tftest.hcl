# The gallery image-build publishes into: a Gen2 definition that supports Trusted Launch.
mock_provider "azurerm" {
  source = "../../tests/mocks"
}

variables {
  subscription_id = "00000000-0000-0000-0000-000000000000"
  location        = "westeurope"
}

run "a_gen2_trusted_launch_definition" {
  assert {
    condition     = azurerm_shared_image.spark_node.hyper_v_generation == "V2" && azurerm_shared_image.spark_node.trusted_launch_supported
    error_message = "the VMs boot with secure boot and a vTPM, which needs a Gen2 definition supporting Trusted Launch"
  }
  assert {
    condition     = output.gallery_name == "spark_azure" && output.image_name == "spark-node" && output.gallery_resource_group == "rg-spark-azure-images"
    error_message = "the outputs match image-build's defaults"
  }
}

run "a_bad_gallery_name_is_rejected" {
  command = plan
  variables {
    gallery_name = "spark-azure"
  }
  expect_failures = [var.gallery_name]
}
