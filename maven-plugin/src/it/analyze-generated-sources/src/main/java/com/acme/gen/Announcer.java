package com.acme.gen;

public final class Announcer {
  private final Object lock = new Object();

  public String announce() throws InterruptedException {
    synchronized (lock) {
      Thread.sleep(10);
      return "running " + Release.create(Version.VALUE).version();
    }
  }
}
