locals {
  instances = {
    for i in range(1, var.instance_count + 1) : i => {
      name       = "${var.name}-${i}"
      zone       = var.zones[(i - 1) % length(var.zones)]
      private_ip = cidrhost(var.subnet_prefix, var.first_host_number + i - 1)
    }
  }
}
