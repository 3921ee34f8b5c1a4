terraform {
  required_version = ">= 1.6"
  required_providers {
    datadog = {
      source  = "DataDog/datadog"
      version = "~> 3.46"
    }
  }
}

# Keys from the environment (DD_API_KEY, DD_APP_KEY), never from a file here.
provider "datadog" {}
