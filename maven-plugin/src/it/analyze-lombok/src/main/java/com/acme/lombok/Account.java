package com.acme.lombok;

import lombok.Getter;

@Getter
public final class Account {
  private final String id;
  private long balance;

  public Account(String id) {
    this.id = id;
  }
}
