package com.acme.core;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;

class Http {
  private final String host;
  private final int port;

  Http(String host, int port) {
    this.host = host;
    this.port = port;
  }

  String get(String path) {
    try (Socket socket = new Socket()) {
      socket.connect(InetSocketAddress.createUnresolved(host, port));
      return path;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
