package com.acme.net;

import java.io.IOException;
import java.net.Socket;
import jdk.net.ExtendedSocketOptions;

public final class KeepAlive {
  private final Object lock = new Object();

  public void configure(Socket socket) throws IOException, InterruptedException {
    synchronized (lock) {
      socket.setOption(ExtendedSocketOptions.TCP_KEEPIDLE, 30);
      Thread.sleep(10);
    }
  }
}
