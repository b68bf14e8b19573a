package com.acme.broken;

import org.slf4j.Logger;

public final class Pinger {
  private final Object lock = new Object();

  public void ping(Logger log) throws InterruptedException {
    synchronized (lock) {
      Thread.sleep(10);
    }
  }
}
