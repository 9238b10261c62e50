import { chunkCsv, csvRecords } from './csv-chunker';
import { chunkDocument, documentKindOf } from './document-chunker';
import { chunkJson, InvalidJsonDocumentError } from './json-chunker';
import { chunkText } from './text-chunker';

const sentence = (n: number) => `Sentence number ${n} talks about topic ${n} in some detail.`;

describe('chunkText', () => {
  it('keeps a short text whole', () => {
    expect(chunkText('We open at nine. We close at five.', { size: 500, overlap: 50 })).toEqual([
      'We open at nine. We close at five.',
    ]);
  });

  it('ends every chunk at a sentence boundary and stays within the size', () => {
    const text = Array.from({ length: 40 }, (_, i) => sentence(i)).join(' ');
    const chunks = chunkText(text, { size: 200, overlap: 0 });

    expect(chunks.length).toBeGreaterThan(5);
    for (const chunk of chunks) {
      expect(chunk.length).toBeLessThanOrEqual(200);
      expect(chunk).toMatch(/^Sentence number \d+ .*detail\.$/);
    }
    expect(chunks.join(' ')).toBe(text);
  });

  it('starts each chunk with the previous chunk’s last sentence when it fits in the overlap', () => {
    const text = Array.from({ length: 20 }, (_, i) => sentence(i)).join(' ');
    const chunks = chunkText(text, { size: 200, overlap: 70 });

    for (let i = 1; i < chunks.length; i++) {
      const previousLast = chunks[i - 1]!.split(/(?<=\.)\s+/).at(-1)!;
      expect(chunks[i]!.startsWith(previousLast)).toBe(true);
      expect(chunks[i]!.length).toBeLessThanOrEqual(200);
    }
  });

  it('carries the last words when no whole sentence fits in the overlap', () => {
    const text = Array.from({ length: 10 }, (_, i) => sentence(i)).join(' ');
    const [first, second] = chunkText(text, { size: 130, overlap: 20 });

    const carried = second!.slice(0, second!.indexOf('Sentence'));
    expect(carried.trim().length).toBeGreaterThan(0);
    expect(carried.trim().length).toBeLessThanOrEqual(20);
    expect(first!.endsWith(carried.trim())).toBe(true);
  });

  it('breaks between paragraphs and keeps them apart inside a chunk', () => {
    const chunks = chunkText('Returns.\n\nWithin 30 days.\n\n\nShipping takes three days.', { size: 30, overlap: 0 });
    expect(chunks).toEqual(['Returns.\n\nWithin 30 days.', 'Shipping takes three days.']);
  });

  it('cuts a sentence longer than a chunk at word boundaries, and a giant word at the size', () => {
    const long = `${'word '.repeat(60).trim()}.`;
    for (const chunk of chunkText(long, { size: 50, overlap: 0 })) {
      expect(chunk.length).toBeLessThanOrEqual(50);
      expect(chunk).toMatch(/^word( word)*\.?$/);
    }
    expect(chunkText('x'.repeat(120), { size: 50, overlap: 10 }).every((chunk) => chunk.length <= 50)).toBe(true);
  });

  it('returns nothing for blank text', () => {
    expect(chunkText(' \n\n \t', { size: 100, overlap: 10 })).toEqual([]);
  });
});

describe('chunkCsv', () => {
  const csv = ['sku,name,price', ...Array.from({ length: 30 }, (_, i) => `${i},Widget ${i},${i}.99`)].join('\r\n');

  it('splits by record and repeats the header at the top of every chunk', () => {
    const chunks = chunkCsv(csv, { size: 120, overlap: 20 });

    expect(chunks.length).toBeGreaterThan(3);
    for (const chunk of chunks) {
      const [header, ...rows] = chunk.split('\n');
      expect(header).toBe('sku,name,price');
      expect(rows.every((row) => /^\d+,Widget \d+,\d+\.99$/.test(row))).toBe(true);
      expect(chunk.length).toBeLessThanOrEqual(120);
    }
    const rows = chunks.flatMap((chunk) => chunk.split('\n').slice(1));
    expect(rows).toHaveLength(30);
  });

  it('keeps a quoted field with a line break inside its record', () => {
    expect(csvRecords('q,a\n"Open on\nSunday?",No\n\n')).toEqual(['q,a', '"Open on\nSunday?",No']);
  });
});

describe('chunkJson', () => {
  it('splits an array by element, several elements to a chunk while they fit', () => {
    const items = Array.from({ length: 12 }, (_, i) => ({ q: `Question ${i}?`, a: `Answer ${i}.` }));
    const chunks = chunkJson(JSON.stringify(items), { size: 100, overlap: 10 });

    const records = chunks.flatMap((chunk) => chunk.split('\n').map((line) => JSON.parse(line) as unknown));
    expect(records).toEqual(items);
    expect(chunks.every((chunk) => chunk.length <= 100)).toBe(true);
    expect(chunks.length).toBeGreaterThan(1);
  });

  it('splits an object by property', () => {
    expect(chunkJson('{"hours":"9 to 5","phone":"555"}', { size: 20, overlap: 0 })).toEqual([
      '{"hours":"9 to 5"}',
      '{"phone":"555"}',
    ]);
  });

  it('rejects text that is not JSON', () => {
    expect(() => chunkJson('{"open": ', { size: 100, overlap: 0 })).toThrow(InvalidJsonDocumentError);
  });
});

describe('documents', () => {
  it('knows the documented file kinds by extension and nothing else', () => {
    expect(['faq.md', 'a.TXT', 'rows.csv', 'x.json', 'doc.pdf', 'noext'].map(documentKindOf)).toEqual([
      'md',
      'txt',
      'csv',
      'json',
      undefined,
      undefined,
    ]);
  });

  it('chunks each kind its own way', () => {
    const options = { size: 500, overlap: 50 };
    expect(chunkDocument('a,b\n1,2', 'csv', options)).toEqual(['a,b\n1,2']);
    expect(chunkDocument('[1,2]', 'json', options)).toEqual(['1\n2']);
    expect(chunkDocument('# Title\n\nBody.', 'md', options)).toEqual(['# Title\n\nBody.']);
  });
});
