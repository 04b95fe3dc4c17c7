/** Injection tokens for what every service gets from the platform. */
export const SERVICE_CONFIG = Symbol('SERVICE_CONFIG');
export const SERVICE_DESCRIPTOR = Symbol('SERVICE_DESCRIPTOR');
export const SERVICE_LOGGER = Symbol('SERVICE_LOGGER');
export const TEMPORAL_CLIENT = Symbol('TEMPORAL_CLIENT');
