/**
 * The Python toolchains spark-azure installs, each into its own cached virtual environment. Pinned: an
 * environment is rebuilt only when its list changes.
 */
export const PYTHON_ENVIRONMENTS = {
  // pyspark carries a full Spark (bin/spark-class, bin/spark-submit, all jars); Spark 4 needs Java 17 or 21.
  // 2.19 is the newest ansible-core that runs on Python 3.11.
  'local-cluster': ['pyspark==4.3.0', 'ansible-core==2.19.14'],
  lint: ['ansible-core==2.19.14', 'ansible-lint==26.10.1'],
  // Static analysis of the Terraform; its own environment, as its dependencies are many.
  checkov: ['checkov==3.3.30'],
  // What Debian's cloud-init 22.4 imports to validate a cloud-config (its python3-* dependencies, from PyPI).
  'cloud-init': ['PyYAML==6.0.4', 'jsonschema==4.26.0', 'Jinja2==3.1.6', 'configobj==5.0.9', 'jsonpatch==1.48', 'requests==2.34.2', 'oauthlib==4.0.1'],
} as const satisfies Record<string, readonly string[]>;

export type PythonEnvironmentName = keyof typeof PYTHON_ENVIRONMENTS;
