package com.acme.jpms;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

public final class Heartbeat {
  private static final Logger LOG = LoggerFactory.getLogger(Heartbeat.class);
  private final Object lock = new Object();

  public void beat() throws InterruptedException {
    synchronized (lock) {
      Thread.sleep(10);
      LOG.info("beat");
    }
  }
}
