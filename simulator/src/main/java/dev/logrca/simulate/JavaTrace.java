package dev.logrca.simulate;

/**
 * Builds Java stack traces as the JVM prints them: the exception line, {@code \tat} frames, and
 * {@code Caused by:} sections ending with {@code ... n common frames omitted}.
 */
final class JavaTrace {
  static final String SOCKET_CONNECT =
      """
      java.base/sun.nio.ch.Net.pollConnect(Native Method)
      java.base/sun.nio.ch.Net.pollConnectNow(Net.java:672)
      java.base/sun.nio.ch.NioSocketImpl.timedFinishConnect(NioSocketImpl.java:542)
      java.base/sun.nio.ch.NioSocketImpl.connect(NioSocketImpl.java:592)
      java.base/java.net.SocksSocketImpl.connect(SocksSocketImpl.java:327)
      java.base/java.net.Socket.connect(Socket.java:751)""";

  static final String SOCKET_READ =
      """
      java.base/sun.nio.ch.NioSocketImpl.timedRead(NioSocketImpl.java:278)
      java.base/sun.nio.ch.NioSocketImpl.implRead(NioSocketImpl.java:304)
      java.base/sun.nio.ch.NioSocketImpl.read(NioSocketImpl.java:346)
      java.base/java.net.Socket$SocketInputStream.read(Socket.java:1099)
      java.base/java.io.BufferedInputStream.fill(BufferedInputStream.java:291)
      java.base/sun.net.www.http.HttpClient.parseHTTPHeader(HttpClient.java:827)
      java.base/java.net.HttpURLConnection.getResponseCode(HttpURLConnection.java:531)""";

  static final String PG_CONNECT =
      """
      org.postgresql.core.v3.ConnectionFactoryImpl.openConnectionImpl(\
      ConnectionFactoryImpl.java:352)
      org.postgresql.core.ConnectionFactory.openConnection(ConnectionFactory.java:54)
      org.postgresql.jdbc.PgConnection.<init>(PgConnection.java:273)
      org.postgresql.Driver.makeConnection(Driver.java:446)
      org.postgresql.Driver.connect(Driver.java:298)
      com.zaxxer.hikari.util.DriverDataSource.getConnection(DriverDataSource.java:137)
      com.zaxxer.hikari.pool.PoolBase.newConnection(PoolBase.java:360)
      com.zaxxer.hikari.pool.HikariPool.createPoolEntry(HikariPool.java:461)
      com.zaxxer.hikari.pool.HikariPool.getConnection(HikariPool.java:181)
      com.zaxxer.hikari.HikariDataSource.getConnection(HikariDataSource.java:128)""";

  static final String PG_QUERY =
      """
      org.postgresql.core.v3.QueryExecutorImpl.receiveErrorResponse(QueryExecutorImpl.java:2725)
      org.postgresql.core.v3.QueryExecutorImpl.processResults(QueryExecutorImpl.java:2412)
      org.postgresql.core.v3.QueryExecutorImpl.execute(QueryExecutorImpl.java:371)
      org.postgresql.jdbc.PgStatement.executeInternal(PgStatement.java:502)
      org.postgresql.jdbc.PgStatement.execute(PgStatement.java:419)
      org.postgresql.jdbc.PgPreparedStatement.executeWithFlags(PgPreparedStatement.java:194)
      org.postgresql.jdbc.PgPreparedStatement.executeUpdate(PgPreparedStatement.java:155)
      com.zaxxer.hikari.pool.ProxyPreparedStatement.executeUpdate(\
      ProxyPreparedStatement.java:61)""";

  static final String HIKARI_TIMEOUT =
      """
      com.zaxxer.hikari.pool.HikariPool.createTimeoutException(HikariPool.java:686)
      com.zaxxer.hikari.pool.HikariPool.getConnection(HikariPool.java:179)
      com.zaxxer.hikari.pool.HikariPool.getConnection(HikariPool.java:144)
      com.zaxxer.hikari.HikariDataSource.getConnection(HikariDataSource.java:99)""";

  static final String INVENTORY_TAIL =
      """
      com.example.inventory.StockRepository.reserve(StockRepository.java:74)
      com.example.inventory.StockService.reserve(StockService.java:93)
      com.example.inventory.http.StockHandler.handle(StockHandler.java:47)
      com.example.inventory.http.RequestDispatcher.lambda$dispatch$0(RequestDispatcher.java:62)
      java.base/java.util.concurrent.ThreadPoolExecutor.runWorker(ThreadPoolExecutor.java:1144)
      java.base/java.util.concurrent.ThreadPoolExecutor$Worker.run(ThreadPoolExecutor.java:642)
      java.base/java.lang.Thread.run(Thread.java:1583)""";

  static final String LETTUCE_CONNECT =
      """
      io.lettuce.core.RedisConnectionException.create(RedisConnectionException.java:78)
      io.lettuce.core.RedisConnectionException.create(RedisConnectionException.java:56)
      io.lettuce.core.AbstractRedisClient.getConnection(AbstractRedisClient.java:350)
      io.lettuce.core.RedisClient.connect(RedisClient.java:215)
      com.example.inventory.cache.StockCache.connection(StockCache.java:41)
      com.example.inventory.cache.StockCache.lock(StockCache.java:63)""";

  static final String LETTUCE_COMMAND =
      """
      io.lettuce.core.internal.ExceptionFactory.createTimeoutException(ExceptionFactory.java:59)
      io.lettuce.core.internal.Futures.awaitOrCancel(Futures.java:246)
      io.lettuce.core.FutureSyncInvocationHandler.handleInvocation(\
      FutureSyncInvocationHandler.java:75)
      io.lettuce.core.internal.AbstractInvocationHandler.invoke(AbstractInvocationHandler.java:80)
      jdk.proxy2/jdk.proxy2.$Proxy84.set(Unknown Source)
      com.example.inventory.cache.StockCache.lock(StockCache.java:66)""";

  static final String NETTY_CONNECT =
      """
      io.netty.channel.unix.Errors.newConnectException0(Errors.java:166)
      io.netty.channel.unix.Errors.handleConnectErrno(Errors.java:131)
      io.netty.channel.unix.Socket.finishConnect(Socket.java:359)
      io.netty.channel.epoll.AbstractEpollChannel$AbstractEpollUnsafe.doFinishConnect(\
      AbstractEpollChannel.java:710)
      io.netty.channel.epoll.EpollEventLoop.run(EpollEventLoop.java:407)
      io.netty.util.concurrent.SingleThreadEventExecutor$4.run(SingleThreadEventExecutor.java:997)
      java.base/java.lang.Thread.run(Thread.java:1583)""";

  static final String REST_CLIENT =
      """
      org.springframework.web.client.RestTemplate.doExecute(RestTemplate.java:915)
      org.springframework.web.client.RestTemplate.execute(RestTemplate.java:872)
      org.springframework.web.client.RestTemplate.postForObject(RestTemplate.java:498)""";

  static final String REST_ERROR =
      """
      org.springframework.web.client.HttpServerErrorException.create(\
      HttpServerErrorException.java:102)
      org.springframework.web.client.DefaultResponseErrorHandler.handleError(\
      DefaultResponseErrorHandler.java:186)
      org.springframework.web.client.DefaultResponseErrorHandler.handleError(\
      DefaultResponseErrorHandler.java:140)
      org.springframework.web.client.RestTemplate.handleResponse(RestTemplate.java:942)
      org.springframework.web.client.RestTemplate.doExecute(RestTemplate.java:891)
      org.springframework.web.client.RestTemplate.execute(RestTemplate.java:872)
      org.springframework.web.client.RestTemplate.postForObject(RestTemplate.java:498)""";

  static final String SSL_HANDSHAKE =
      """
      java.base/sun.security.ssl.Alert.createSSLException(Alert.java:130)
      java.base/sun.security.ssl.TransportContext.fatal(TransportContext.java:383)
      java.base/sun.security.ssl.CertificateMessage$T13CertificateConsumer.checkServerCerts(\
      CertificateMessage.java:1357)
      java.base/sun.security.ssl.SSLSocketImpl.startHandshake(SSLSocketImpl.java:451)
      java.base/sun.net.www.protocol.https.HttpsClient.afterConnect(HttpsClient.java:580)""";

  static final String CHECKOUT_TAIL =
      """
      com.example.checkout.OrderService.placeOrder(OrderService.java:88)
      com.example.checkout.OrderController.checkout(OrderController.java:41)
      java.base/jdk.internal.reflect.DirectMethodHandleAccessor.invoke(\
      DirectMethodHandleAccessor.java:103)
      java.base/java.lang.reflect.Method.invoke(Method.java:580)
      org.springframework.web.method.support.InvocableHandlerMethod.doInvoke(\
      InvocableHandlerMethod.java:255)
      org.springframework.web.servlet.DispatcherServlet.doDispatch(DispatcherServlet.java:1089)
      org.springframework.web.servlet.FrameworkServlet.processRequest(FrameworkServlet.java:1014)
      jakarta.servlet.http.HttpServlet.service(HttpServlet.java:590)
      org.apache.tomcat.util.threads.ThreadPoolExecutor$Worker.run(ThreadPoolExecutor.java:659)
      org.apache.tomcat.util.threads.TaskThread$WrappingRunnable.run(TaskThread.java:63)
      java.base/java.lang.Thread.run(Thread.java:1583)""";

  private final StringBuilder text = new StringBuilder(2048);

  JavaTrace(String exception, String... frameBlocks) {
    text.append(exception);
    appendFrames(frameBlocks);
  }

  /** Adds a {@code Caused by:} section whose last {@code omitted} frames repeat the outer ones. */
  JavaTrace causedBy(String exception, int omitted, String... frameBlocks) {
    text.append("\nCaused by: ").append(exception);
    appendFrames(frameBlocks);
    text.append("\n\t... ").append(omitted).append(" common frames omitted");
    return this;
  }

  @Override
  public String toString() {
    return text.toString();
  }

  private void appendFrames(String... frameBlocks) {
    for (String block : frameBlocks) {
      for (String frame : block.split("\n")) {
        text.append("\n\tat ").append(frame);
      }
    }
  }
}
