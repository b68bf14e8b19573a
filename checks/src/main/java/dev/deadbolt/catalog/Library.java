package dev.deadbolt.catalog;

import java.util.List;

/**
 * A library whose blocking calls Deadbolt knows, with its own catalog file ({@code
 * libraries/<file>.txt} beside this class), read only in a compile whose class path has one of its
 * gate types: a compile without Spring never parses Spring's lines. Every type the file names is in
 * one of the library's packages (a test holds each file to that), so no line is skipped in a compile
 * that has the library.
 */
public enum Library {
  SPRING_JDBC(
      "spring-jdbc",
      List.of("org.springframework.jdbc."),
      List.of("org.springframework.jdbc.core.JdbcOperations")),
  SPRING_TX(
      "spring-tx",
      List.of("org.springframework.transaction."),
      List.of("org.springframework.transaction.PlatformTransactionManager")),
  SPRING_WEB(
      "spring-web",
      List.of("org.springframework.web.client.", "org.springframework.http."),
      List.of("org.springframework.http.HttpMessage")),
  SPRING_JMS(
      "spring-jms",
      List.of("org.springframework.jms."),
      List.of("org.springframework.jms.core.JmsOperations")),
  SPRING_DATA(
      "spring-data",
      List.of("org.springframework.data."),
      List.of("org.springframework.data.repository.Repository")),
  KAFKA(
      "kafka",
      List.of("org.apache.kafka.clients."),
      List.of("org.apache.kafka.clients.producer.Producer")),
  JMS_JAVAX("jms-javax", List.of("javax.jms."), List.of("javax.jms.Connection")),
  JMS_JAKARTA("jms-jakarta", List.of("jakarta.jms."), List.of("jakarta.jms.Connection")),
  GRPC("grpc", List.of("io.grpc."), List.of("io.grpc.Channel")),
  OKHTTP("okhttp", List.of("okhttp3."), List.of("okhttp3.Call")),
  RETROFIT("retrofit", List.of("retrofit2."), List.of("retrofit2.Call")),
  HTTPCLIENT4(
      "httpclient4", List.of("org.apache.http."), List.of("org.apache.http.client.HttpClient")),
  HTTPCLIENT5(
      "httpclient5",
      List.of("org.apache.hc.client5.", "org.apache.hc.core5."),
      List.of("org.apache.hc.client5.http.classic.HttpClient")),
  JEDIS("jedis", List.of("redis.clients.jedis."), List.of("redis.clients.jedis.Jedis")),
  JPA_JAKARTA(
      "jpa-jakarta",
      List.of("jakarta.persistence."),
      List.of("jakarta.persistence.EntityManager")),
  AWS_SDK(
      "aws-sdk",
      List.of("software.amazon.awssdk."),
      List.of("software.amazon.awssdk.core.SdkClient")),
  MONGODB("mongodb", List.of("com.mongodb.client."), List.of("com.mongodb.client.MongoCollection")),
  ELASTICSEARCH_REST(
      "elasticsearch-rest",
      List.of("org.elasticsearch.client."),
      List.of("org.elasticsearch.client.RestClient")),
  ZOOKEEPER("zookeeper", List.of("org.apache.zookeeper."), List.of("org.apache.zookeeper.ZooKeeper")),
  GUAVA(
      "guava",
      List.of("com.google.common.util.concurrent."),
      List.of("com.google.common.util.concurrent.Uninterruptibles")),
  REACTOR("reactor", List.of("reactor.core.publisher."), List.of("reactor.core.publisher.Mono")),
  RXJAVA3(
      "rxjava3", List.of("io.reactivex.rxjava3.core."), List.of("io.reactivex.rxjava3.core.Flowable")),
  RXJAVA2("rxjava2", List.of("io.reactivex."), List.of("io.reactivex.Flowable")),
  NETTY(
      "netty",
      List.of("io.netty.util.concurrent."),
      List.of("io.netty.util.concurrent.Future"));

  private final String file;
  private final List<String> packages;
  private final List<String> gates;

  Library(String file, List<String> packages, List<String> gates) {
    this.file = file;
    this.packages = packages;
    this.gates = gates;
  }

  /** The catalog resource, relative to this class. */
  String resource() {
    return "libraries/" + file + ".txt";
  }

  /** The package prefixes (ending in a dot) every type of the library's catalog is in. */
  public List<String> packages() {
    return packages;
  }

  /** Types of the library: when any of them is on a compile's class path, its catalog is read. */
  public List<String> gates() {
    return gates;
  }
}
