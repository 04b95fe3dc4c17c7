import { ConfigurationError, loadServiceConfig } from './service-config';

const key = 'k'.repeat(32);

describe('loadServiceConfig', () => {
  it('applies the defaults and the service ports', () => {
    const config = loadServiceConfig({ DATABASE_URL: 'postgres://x', AUTH_SIGNING_KEY: key }, { httpPort: 3001, tcpPort: 4001 });
    expect(config.HTTP_PORT).toBe(3001);
    expect(config.TCP_PORT).toBe(4001);
    expect(config.TEMPORAL_ADDRESS).toBe('127.0.0.1:7233');
    expect(config.LOG_LEVEL).toBe('info');
  });

  it('takes ports from the environment as numbers', () => {
    const config = loadServiceConfig(
      { DATABASE_URL: 'postgres://x', AUTH_SIGNING_KEY: key, HTTP_PORT: '8080' },
      { httpPort: 3001 },
    );
    expect(config.HTTP_PORT).toBe(8080);
  });

  it('names every missing or malformed variable', () => {
    try {
      loadServiceConfig({ AUTH_SIGNING_KEY: 'short', HTTP_PORT: 'eighty', LOG_LEVEL: 'loud' }, { httpPort: 3001 });
      throw new Error('expected a ConfigurationError');
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigurationError);
      const message = (error as Error).message;
      expect(message).toContain('DATABASE_URL');
      expect(message).toContain('AUTH_SIGNING_KEY must be at least 32 characters');
      expect(message).toContain('HTTP_PORT');
      expect(message).toContain('LOG_LEVEL');
    }
  });
});
