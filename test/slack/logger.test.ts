import { LogLevel } from '@slack/bolt';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../src/slack/logger.js';

describe('createLogger', () => {
  it('masks tokens and e-mail addresses and reduces errors to name, code and message', () => {
    const lines: string[] = [];
    const logger = createLogger('debug', (line) => lines.push(line));
    const error = Object.assign(new Error('An API error occurred: not_in_channel'), { code: 'slack_webapi_platform_error', data: { error: 'not_in_channel', response_metadata: { secret: 'x' } } });
    logger.error('failed with token xoxb-123-456-abc for jane.doe@iom.int', error, { text: 'what a person typed' });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/ ERROR handbooks: failed with token \[token\] for \[email\] Error \[slack_webapi_platform_error\]: An API error occurred: not_in_channel \(not_in_channel\) \{text\}$/);
    expect(lines[0]).not.toContain('what a person typed');
  });

  it('never logs Web API request bodies or headers, and honours the level', () => {
    const lines: string[] = [];
    const logger = createLogger('info', (line) => lines.push(line));
    logger.debug('not shown');
    logger.setLevel(LogLevel.DEBUG);
    logger.debug('http request body: {"text":"a question","token":"[[REDACTED]]"}');
    logger.debug('http request headers: {}');
    logger.debug('http response received');
    expect(lines.map((l) => l.replace(/^\S+ /, ''))).toEqual([
      'DEBUG handbooks: http request body [content omitted]',
      'DEBUG handbooks: http request headers [content omitted]',
      'DEBUG handbooks: http response received',
    ]);
    expect(logger.getLevel()).toBe(LogLevel.DEBUG);
  });

  it("never logs Socket Mode payloads, nor JSON content in any line", () => {
    const lines: string[] = [];
    const logger = createLogger('debug', (line) => lines.push(line));
    const payload = JSON.stringify({ envelope_id: 'e1', payload: { view: { state: { values: { address: { value: 'Avenue de la Paix 12' }, telephone: { value: '+41 22 717 9111' } } } } } });
    logger.debug(`Received a message on the WebSocket: ${payload}`);
    logger.debug(`Calling ack() - type: interactive, envelope_id: e1, data: {"response_action":"errors","errors":{"name":"Ana Pérez"}}`);
    logger.debug(`Sending a WebSocket message: ${payload}`);
    logger.debug(`Unable to parse an incoming WebSocket message (will ignore): SyntaxError, name=Ana Pérez`);
    logger.info(`something else: ${payload}`);
    const text = lines.join('\n');
    for (const personal of ['Avenue de la Paix', '+41 22', 'Ana Pérez']) expect(text).not.toContain(personal);
    expect(lines).toHaveLength(5);
    expect(lines[4]).toMatch(/INFO handbooks: something else: \[content omitted\]$/);
  });
});
