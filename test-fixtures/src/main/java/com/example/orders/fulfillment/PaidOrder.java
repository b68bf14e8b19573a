package com.example.orders.fulfillment;

import java.time.Instant;

/** An order whose payment was captured, on its way to a warehouse. */
public record PaidOrder(String id, String warehouse, boolean express, Instant paidAt) {}
