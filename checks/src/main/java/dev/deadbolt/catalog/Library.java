package dev.deadbolt.catalog;

import java.util.List;

/**
 * A library whose blocking calls Deadbolt knows, with its own catalog file ({@code
 * libraries/<file>.txt} beside this class), read only in a compile that has met one of the packages of
 * the types the file names: a compile without Spring never parses Spring's lines.
 *
 * <p>Gated by package, not by looking a type up: javac has entered the package of every class it read
 * (the receiver of a call and its supertypes among them), so a line's type can match a call only in a
 * compile that knows its package, and asking the symbol table for a package costs next to nothing,
 * where a failed type lookup costs a cold compile tens of microseconds. A test holds each file's types
 * to its packages.
 */
public enum Library {
  SPRING_JDBC(
      "spring-jdbc",
      "org.springframework.jdbc.core",
      "org.springframework.jdbc.core.namedparam",
      "org.springframework.jdbc.core.simple"),
  SPRING_TX("spring-tx", "org.springframework.transaction"),
  SPRING_WEB(
      "spring-web",
      "org.springframework.web.client",
      "org.springframework.http.converter",
      "org.springframework.http.server"),
  SPRING_JMS("spring-jms", "org.springframework.jms.core"),
  SPRING_DATA("spring-data", "org.springframework.data.repository"),
  KAFKA("kafka", "org.apache.kafka.clients.producer", "org.apache.kafka.clients.consumer"),
  JMS_JAVAX("jms-javax", "javax.jms"),
  JMS_JAKARTA("jms-jakarta", "jakarta.jms"),
  GRPC("grpc", "io.grpc.stub", "io.grpc"),
  OKHTTP("okhttp", "okhttp3"),
  RETROFIT("retrofit", "retrofit2"),
  HTTPCLIENT4("httpclient4", "org.apache.http.client", "org.apache.http.util"),
  HTTPCLIENT5(
      "httpclient5",
      "org.apache.hc.client5.http.classic",
      "org.apache.hc.core5.http.io.entity"),
  JEDIS("jedis", "redis.clients.jedis.commands", "redis.clients.jedis", "redis.clients.jedis.util"),
  JPA_JAKARTA("jpa-jakarta", "jakarta.persistence"),
  AWS_SDK("aws-sdk", "software.amazon.awssdk.core", "software.amazon.awssdk.awscore"),
  MONGODB("mongodb", "com.mongodb.client"),
  ELASTICSEARCH_REST("elasticsearch-rest", "org.elasticsearch.client"),
  ZOOKEEPER("zookeeper", "org.apache.zookeeper"),
  GUAVA("guava", "com.google.common.util.concurrent"),
  REACTOR("reactor", "reactor.core.publisher"),
  RXJAVA3("rxjava3", "io.reactivex.rxjava3.core"),
  RXJAVA2("rxjava2", "io.reactivex"),
  NETTY("netty", "io.netty.util.concurrent");

  private final String file;
  private final List<String> packages;

  Library(String file, String... packages) {
    this.file = file;
    this.packages = List.of(packages);
  }

  /** The catalog resource, relative to this class. */
  String resource() {
    return "libraries/" + file + ".txt";
  }

  /** The packages of the types the library's catalog names; any of them known to a compile reads it. */
  public List<String> packages() {
    return packages;
  }
}
