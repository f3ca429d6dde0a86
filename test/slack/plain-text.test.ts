import { describe, expect, it } from 'vitest';
import { slackToPlainText } from '../../src/slack/plain-text.js';

describe('slackToPlainText', () => {
  it('passes plain text through, spaces collapsed', () => {
    expect(slackToPlainText('  trafficking   in French? ')).toBe('trafficking in French?');
    expect(slackToPlainText('snake_case 5*3 R&D e-mail')).toBe('snake_case 5*3 R&D e-mail');
  });

  it('drops mentions of people, channels, user groups and @here/@channel/@everyone', () => {
    expect(slackToPlainText('<@U0BOT> <!here> GBV')).toBe('GBV');
    expect(slackToPlainText('<@U0BOT|handbooks> anything on <!channel> trafficking <!everyone>')).toBe('anything on trafficking');
    expect(slackToPlainText('<!subteam^S012AB|@publications> psychosocial <#C024BE7LR|general>')).toBe('psychosocial');
    expect(slackToPlainText('<#C024BE7LR> reintegration <@W123>')).toBe('reintegration');
  });

  it('turns links into their label, or their address when there is none', () => {
    expect(slackToPlainText('see <https://publications.iom.int/books/x|the GBV handbook>')).toBe('see the GBV handbook');
    expect(slackToPlainText('<https://publications.iom.int/books/gbv-handbook>')).toBe('https://publications.iom.int/books/gbv-handbook');
    expect(slackToPlainText('ask <mailto:pub@iom.int|pub@iom.int> or <mailto:pub@iom.int>')).toBe('ask pub@iom.int or pub@iom.int');
    expect(slackToPlainText('<!date^1392734382^{date}|Feb 18, 2014> list')).toBe('Feb 18, 2014 list');
  });

  it('removes formatting marks and keeps their words', () => {
    expect(slackToPlainText('*bold* _italic_ ~strike~ words')).toBe('bold italic strike words');
    expect(slackToPlainText('the *psychosocial support* manual, _en español_.')).toBe('the psychosocial support manual, en español.');
    expect(slackToPlainText('`inline code` and ```fenced\nblock```')).toBe('inline code and fenced block');
    expect(slackToPlainText('**GBV** __2019__')).toBe('GBV 2019');
    expect(slackToPlainText('a * b * c')).toBe('a * b * c');
  });

  it('removes quote marks and list bullets at the start of lines', () => {
    expect(slackToPlainText('&gt; trafficking in French\n&gt; since 2019')).toBe('trafficking in French since 2019');
    expect(slackToPlainText('&gt;&gt;&gt; quoted')).toBe('quoted');
    expect(slackToPlainText('• GBV\n- MHPSS\n* AVRR\n1. trafficking\n2) reintegration')).toBe('GBV MHPSS AVRR trafficking reintegration');
    expect(slackToPlainText('-5 degrees')).toBe('-5 degrees');
  });

  it('decodes the entities Slack sends, once', () => {
    expect(slackToPlainText('R&amp;D &lt;b&gt; &amp;lt;')).toBe('R&D <b> &lt;');
  });

  it('drops emoji codes standing alone, not colons in text', () => {
    expect(slackToPlainText('thanks :pray: :+1::skin-tone-2:')).toBe('thanks');
    expect(slackToPlainText('at 10:30 see ISBN:978')).toBe('at 10:30 see ISBN:978');
  });
});
