package com.example.orders.fulfillment;

/** The email and push providers: remote calls that slow down when the provider is throttling us. */
public interface NotificationGateway {
  void email(String orderId, String message);

  void push(String orderId, String message);

  void sms(String orderId, String message);
}
