package com.example.orders;

import java.io.IOException;

/** A statement handle, like a JDBC driver's: one query at a time per handle. */
final class PreparedQuery {
  private final WireProtocol protocol;
  private final String sql;

  PreparedQuery(WireProtocol protocol, String sql) {
    this.protocol = protocol;
    this.sql = sql;
  }

  synchronized int executeUpdate() throws IOException {
    return protocol.execute(sql);
  }
}
