/**
 * What a name handed to ssh, az, kubectl or Ansible may look like. Each refuses a leading '-' (read as an
 * option: `-oProxyCommand=…` as an ssh user runs a local command), whitespace and newlines, and shell
 * metacharacters: the value reaches another tool's command line or configuration as one word.
 */
export interface NamePattern {
  readonly pattern: RegExp;
  readonly expected: string;
  readonly example: string;
}

export const SSH_USER: NamePattern = {
  pattern: /^[A-Za-z_][A-Za-z0-9._-]{0,63}$/,
  expected: 'a user name (letters, digits, . _ -; not starting with -)',
  example: 'azureuser',
};

export const SSH_JUMP_HOST: NamePattern = {
  pattern: /^([A-Za-z_][A-Za-z0-9._-]{0,63}@)?[A-Za-z0-9]([A-Za-z0-9.-]{0,252}[A-Za-z0-9])?(:\d{1,5})?$/,
  expected: '[user@]host[:port], a host name or address',
  example: 'azureuser@10.0.0.4',
};

export const HOST: NamePattern = {
  pattern: /^[A-Za-z0-9]([A-Za-z0-9.-]{0,252}[A-Za-z0-9])?$/,
  expected: 'a host name or IPv4 address',
  example: '10.0.3.4',
};

export const ZOOKEEPER_PATH: NamePattern = {
  pattern: /^(\/[A-Za-z0-9._-]+)+$/,
  expected: "an absolute ZooKeeper path of names (letters, digits, . _ -), such as provision's zookeeperDir",
  example: '/spark-azure/spark-prod',
};

// Azure's own rules: resource groups 1-90 of letters, digits, . _ - ( ), not ending in '.'.
export const AZURE_RESOURCE_GROUP: NamePattern = {
  pattern: /^[A-Za-z0-9_()][A-Za-z0-9_().-]{0,88}[A-Za-z0-9_()-]$|^[A-Za-z0-9_()]$/,
  expected: 'a resource group name (1-90 letters, digits, . _ - ( ), not starting with - or ending with .)',
  example: 'rg-spark-prod',
};

// Scale sets: 1-64 of letters, digits, . _ -, starting with a letter or digit.
export const AZURE_SCALE_SET: NamePattern = {
  pattern: /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/,
  expected: 'a scale set name (1-64 letters, digits, . _ -, starting with a letter or digit)',
  example: 'vmss-spark-prod-worker',
};

export const KUBERNETES_LABEL: NamePattern = {
  pattern: /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/,
  expected: 'a Kubernetes name (DNS-1123 label: lower-case letters, digits, -)',
  example: 'spark-jobs',
};

export const KUBERNETES_SUBDOMAIN: NamePattern = {
  pattern: /^[a-z0-9]([a-z0-9.-]{0,251}[a-z0-9])?$/,
  expected: 'a Kubernetes name (DNS-1123 subdomain: lower-case letters, digits, . -)',
  example: 'spark-operator-spark',
};

export const CONTAINER_IMAGE: NamePattern = {
  pattern: /^[A-Za-z0-9][A-Za-z0-9._\/:@-]{0,254}$/,
  expected: 'a container image reference (registry/repository:tag or @digest)',
  example: 'docker.io/library/spark:4.0.0',
};

// Azure Compute Gallery: 1-80 letters, digits, _ and ., starting and ending with a letter or digit.
export const AZURE_GALLERY: NamePattern = {
  pattern: /^[A-Za-z0-9]([A-Za-z0-9_.]{0,78}[A-Za-z0-9])?$/,
  expected: 'an Azure Compute Gallery name (1-80 letters, digits, _ ., starting and ending with a letter or digit)',
  example: 'gal_spark',
};

// A gallery image definition: 1-80 letters, digits, _ - ., starting and ending with a letter or digit.
export const AZURE_IMAGE_DEFINITION: NamePattern = {
  pattern: /^[A-Za-z0-9]([A-Za-z0-9_.-]{0,78}[A-Za-z0-9])?$/,
  expected: 'an image definition name (1-80 letters, digits, _ - ., starting and ending with a letter or digit)',
  example: 'spark-node',
};

// A region as az and Packer take it: its name (westeurope) or its display name (West Europe).
export const AZURE_REGION: NamePattern = {
  pattern: /^[A-Za-z][A-Za-z0-9 ]{1,38}[A-Za-z0-9]$/,
  expected: 'an Azure region (its name, as `az account list-locations --query [].name` lists them)',
  example: 'westeurope',
};

export const SPARK_VERSION: NamePattern = {
  pattern: /^\d{1,2}\.\d{1,2}\.\d{1,3}$/,
  expected: 'a Spark release as major.minor.patch',
  example: '4.3.0',
};

// A node's name as the cluster reports it: zk1, master2, a VM name, or a worker's address.
export const NODE_NAME: NamePattern = {
  pattern: /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/,
  expected: 'node names separated by commas (letters, digits, . _ -), as the cluster reports them',
  example: 'zk1,master2',
};

// A file path handed to a tool as one word: relative or absolute, of names without spaces or shell characters.
export const FILE_PATH: NamePattern = {
  pattern: /^(\/|\.{0,2}\/)?[A-Za-z0-9_][A-Za-z0-9._-]*(\/[A-Za-z0-9_.][A-Za-z0-9._-]*)*$/,
  expected: 'a file path (names of letters, digits, . _ -, separated by /; not starting with -)',
  example: 'plans/spark-azure.tfplan',
};
