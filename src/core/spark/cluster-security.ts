/**
 * A closed cluster's Spark security, as every driver must speak it: the daemons carry the same properties
 * (the spark role's spark_security_properties; a static test keeps the two equal), and a connection with
 * any of them different is refused. AES-GCM over authentication engine v2: v1 and v2 cannot talk, and
 * the SASL fallback would accept a weaker peer.
 */
export const SPARK_SECURITY_PROPERTIES: Readonly<Record<string, string>> = {
  'spark.authenticate': 'true',
  'spark.network.crypto.enabled': 'true',
  'spark.network.crypto.authEngineVersion': '2',
  'spark.network.crypto.cipher': 'AES/GCM/NoPadding',
  'spark.network.crypto.saslFallback': 'false',
  'spark.ui.killEnabled': 'false',
};

/** What only applications set: their shuffle and spill files encrypted on the workers' disks too. */
export const APPLICATION_SECURITY_PROPERTIES: Readonly<Record<string, string>> = {
  'spark.io.encryption.enabled': 'true',
};

/** Properties no input may carry: the secret belongs in a properties file, never on a command line. */
export const SECRET_SPARK_PROPERTIES: readonly RegExp[] = [/^spark\.authenticate\.secret/];

/**
 * A driver's properties file for a closed cluster: Spark standalone reads the secret only from the
 * configuration (the file variants are Kubernetes-only), and a file keeps it off spark-submit's command line.
 */
export function driverSecurityProperties(clusterSecret: string): string {
  const lines = Object.entries({ ...SPARK_SECURITY_PROPERTIES, ...APPLICATION_SECURITY_PROPERTIES }).map(([key, value]) => `${key}=${value}`);
  return `${[...lines, `spark.authenticate.secret=${clusterSecret}`].join('\n')}\n`;
}
