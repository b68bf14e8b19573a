package com.acme.lombok;

import lombok.extern.slf4j.Slf4j;

@Slf4j
public final class Ledger {
  private final Object lock = new Object();

  public long settle(Account account) throws InterruptedException {
    synchronized (lock) {
      Thread.sleep(10);
      log.info("settled {}", account.getId());
      return account.getBalance();
    }
  }
}
