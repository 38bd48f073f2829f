import { AlwaysOffSampler, AlwaysOnSampler, ParentBasedSampler, TraceIdRatioBasedSampler } from '@opentelemetry/sdk-trace-base';
import { describe, expect, it } from 'vitest';
import { gatewaySettings } from '../settings.js';
import { resolveTracing, samplerFrom, TracingConfigError } from './tracing.js';

const file = (tracing: Record<string, unknown>) => gatewaySettings.parse({ tracing }).tracing;

describe('resolveTracing', () => {
  it('is off without an endpoint, and with OTEL_SDK_DISABLED=true even with one', () => {
    expect(resolveTracing(undefined, {})).toBeNull();
    expect(resolveTracing(file({ serviceName: 'x' }), {})).toBeNull();
    expect(resolveTracing(file({ endpoint: 'http://c:4318/v1/traces' }), { OTEL_SDK_DISABLED: 'TRUE' })).toBeNull();
    expect(resolveTracing(undefined, { OTEL_EXPORTER_OTLP_ENDPOINT: 'http://c:4318', OTEL_SDK_DISABLED: 'true' })).toBeNull();
  });

  it('takes the config file, with the OTEL_* variables over it', () => {
    const settings = file({ endpoint: 'http://file:4318/v1/traces', serviceName: 'from-file', headers: { 'x-api-key': 'k' } });
    expect(resolveTracing(settings, {})).toMatchObject({ url: 'http://file:4318/v1/traces', serviceName: 'from-file', headers: { 'x-api-key': 'k' }, captureDocument: false });
    // The generic endpoint is a base URL: /v1/traces is appended; the traces one is used as written.
    expect(resolveTracing(settings, { OTEL_EXPORTER_OTLP_ENDPOINT: 'http://env:4318/' })?.url).toBe('http://env:4318/v1/traces');
    expect(resolveTracing(settings, { OTEL_EXPORTER_OTLP_ENDPOINT: 'http://env:4318', OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'http://t:1/custom' })?.url).toBe('http://t:1/custom');
    expect(resolveTracing(settings, { OTEL_SERVICE_NAME: 'from-env' })?.serviceName).toBe('from-env');
    expect(() => resolveTracing(undefined, { OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'file:///etc/passwd' })).toThrow(TracingConfigError);
  });

  it('refuses a non-http endpoint and header values with line breaks in the config file', () => {
    expect(() => file({ endpoint: 'ftp://c/v1/traces' })).toThrow();
    expect(() => file({ endpoint: 'http://c/v1/traces', headers: { 'x-api-key': 'a\r\nx-evil: 1' } })).toThrow();
  });
});

describe('samplerFrom', () => {
  it('follows the parent and samples new traces at the configured ratio by default', () => {
    const sampler = samplerFrom({}, 0.25);
    expect(sampler).toBeInstanceOf(ParentBasedSampler);
    expect(sampler.toString()).toContain('TraceIdRatioBased{0.25}');
  });

  it('reads OTEL_TRACES_SAMPLER and _ARG', () => {
    expect(samplerFrom({ OTEL_TRACES_SAMPLER: 'always_on' }, 0)).toBeInstanceOf(AlwaysOnSampler);
    expect(samplerFrom({ OTEL_TRACES_SAMPLER: 'always_off' }, 1)).toBeInstanceOf(AlwaysOffSampler);
    const ratio = samplerFrom({ OTEL_TRACES_SAMPLER: 'traceidratio', OTEL_TRACES_SAMPLER_ARG: '0.5' }, 1);
    expect(ratio).toBeInstanceOf(TraceIdRatioBasedSampler);
    expect(ratio.toString()).toContain('0.5');
    expect(samplerFrom({ OTEL_TRACES_SAMPLER: 'parentbased_traceidratio', OTEL_TRACES_SAMPLER_ARG: '0.1' }, 1).toString()).toContain('TraceIdRatioBased{0.1}');
    expect(() => samplerFrom({ OTEL_TRACES_SAMPLER: 'jaeger_remote' }, 1)).toThrow(TracingConfigError);
    expect(() => samplerFrom({ OTEL_TRACES_SAMPLER: 'traceidratio', OTEL_TRACES_SAMPLER_ARG: '2' }, 1)).toThrow(TracingConfigError);
  });
});

describe('createTracing', () => {
  it('registers no context manager: on Node 20 one is AsyncLocalStorage, whose promise hooks every promise of the process pays for', async () => {
    const { context, createContextKey, ROOT_CONTEXT } = await import('@opentelemetry/api');
    const { InMemorySpanExporter } = await import('@opentelemetry/sdk-trace-base');
    const { createTracing } = await import('./tracing.js');
    const tracing = createTracing(file({ endpoint: 'http://127.0.0.1:9/v1/traces' }), {}, { exporter: new InMemorySpanExporter() });
    expect(tracing).not.toBeNull();
    const probe = createContextKey('probe');
    // With a manager registered, the value would follow the call (and its awaits).
    const seen = await context.with(ROOT_CONTEXT.setValue(probe, 'set'), async () => {
      await Promise.resolve();
      return context.active().getValue(probe);
    });
    expect(seen).toBeUndefined();
    await tracing?.shutdown();
  });
});
