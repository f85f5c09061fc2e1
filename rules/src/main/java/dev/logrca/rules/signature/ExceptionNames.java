package dev.logrca.rules.signature;

import static dev.logrca.rules.signature.Signatures.CERTIFICATE;
import static dev.logrca.rules.signature.Signatures.CONFIG_ERROR;
import static dev.logrca.rules.signature.Signatures.DISK_FULL;
import static dev.logrca.rules.signature.Signatures.DNS;
import static dev.logrca.rules.signature.Signatures.OUT_OF_MEMORY;
import static dev.logrca.rules.signature.Signatures.POOL_EXHAUSTED;
import static dev.logrca.rules.signature.Signatures.REFUSED;
import static dev.logrca.rules.signature.Signatures.RESET;
import static dev.logrca.rules.signature.Signatures.TIMEOUT;
import static dev.logrca.rules.signature.Signatures.UNAVAILABLE;
import static dev.logrca.rules.signature.Signatures.UNREACHABLE;

/**
 * Exception and error class names of the JVM, Python, .NET and common libraries, matched
 * case-sensitively: the class says what went wrong whichever product threw it.
 */
final class ExceptionNames {
  static final EvidenceTable TABLE = new EvidenceTable();

  static {
    // java.util.concurrent, Spring's TaskRejectedException, Netty's RejectedExecutionException,
    // commons-pool's NoSuchElementException "Pool exhausted", Jedis JedisExhaustedPoolException
    TABLE.name(
        "\\w*Reject(?:ed)?Execution\\w*|\\bTaskRejectedException|\\w*(?:Pool)?Exhausted\\w*Exception"
            + "|\\w*PoolExhausted\\w*",
        POOL_EXHAUSTED);
    // Spring Boot's BindException/BindValidationException, Kafka's ConfigException, Hadoop's,
    // Commons' and Log4j's ConfigurationException, Spring's InvalidConfigurationPropertyValue
    TABLE.name(
        "\\b(?:org\\.springframework\\S*\\.)?Bind(?:Validation)?Exception\\b(?!: Address already)"
            + "|\\w*Config(?:uration)?Exception\\b|InvalidConfigurationProperty\\w*"
            + "|\\bPlaceholderResolutionException",
        CONFIG_ERROR);
    // .NET's System.OutOfMemoryException beside the JVM's errors
    TABLE.name(
        "\\bOutOfMemoryError\\b|\\bOutOfDirectMemoryError\\b|\\bOutOfMemoryException\\b",
        OUT_OF_MEMORY);
    TABLE.name(
        "\\w*(?:Socket|Connect|Read|Write|Request|Call|Query)Timeout(?:Exception|Error)\\b"
            + "|\\bDeadlineExceeded\\w*|\\bStatementTimeout\\w*",
        TIMEOUT);
    TABLE.name("\\bUnknownHostException\\b|\\bUnresolvedAddressException\\b|\\bgaierror\\b", DNS);
    TABLE.name(
        "\\bSSL(?:Handshake|PeerUnverified)Exception\\b|\\bSSLCertVerificationError\\b|\\bCertificate(?:Expired|NotYetValid)Exception\\b"
            + "|\\bCertPathValidatorException\\b|\\bSSLError\\b|\\bCertificateException\\b"
            + "|\\bSslAuthenticationException\\b",
        CERTIFICATE);
    TABLE.name("\\bNoRouteToHostException\\b|\\bPortUnreachableException\\b", UNREACHABLE);
    // MySQL Connector/J "CommunicationsException: Communications link failure"
    TABLE.name("\\bCommunicationsException\\b|\\bCommunications link failure\\b", UNAVAILABLE);
    // Hadoop's DiskChecker$DiskErrorException, DiskOutOfSpaceException
    TABLE.name("\\bDiskErrorException\\b|\\bDiskOutOfSpaceException\\b", DISK_FULL);
    TABLE.name(
        "\\bConnectionResetError\\b|\\bBrokenPipeError\\b|\\bClosedChannelException\\b", RESET);
    TABLE.name("\\bConnectionRefusedError\\b", REFUSED);
  }

  private ExceptionNames() {}
}
