package com.acme.only;

public final class Relay {
  private final Object lock = new Object();

  public String relay(int attempt) throws InterruptedException {
    synchronized (lock) {
      Thread.sleep(10);
    }
    // Error Prone's own FormatString check would make this an error; it is off here.
    return String.format("attempt %d", attempt, "extra");
  }
}
