/**
 * Small documents of every format Cairn reads, written here from scratch (our own words, no
 * copied text): a PDF with a text layer and bookmarks, an encrypted PDF, a scanned-looking PDF
 * with no text, a Word document, a web page, a Markdown file with front matter.
 */
import zlib from 'node:zlib';

/** A PDF built object by object, with a correct cross-reference table. */
function pdf(objects: string[], trailerExtra = ''): Buffer {
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((obj, i) => {
    offsets.push(Buffer.byteLength(body, 'latin1'));
    body += `${i + 1} 0 obj\n${obj}\nendobj\n`;
  });
  const xref = Buffer.byteLength(body, 'latin1');
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) body += `${String(o).padStart(10, '0')} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R ${trailerExtra}>>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

const escapePdf = (t: string) => t.replace(/[\\()]/g, (c) => `\\${c}`);

/** Lines of text on one page; a line starting with "# " is set larger and bookmarked. */
export function textPdf(lines: string[], info: { title?: string; author?: string; date?: string } = {}): Buffer {
  let y = 760;
  const ops: string[] = [];
  const headings: { title: string; y: number }[] = [];
  for (const line of lines) {
    const heading = line.startsWith('# ');
    const words = heading ? line.slice(2) : line;
    if (heading) headings.push({ title: words, y });
    ops.push(`BT /F1 ${heading ? 16 : 11} Tf 60 ${y} Td (${escapePdf(words)}) Tj ET`);
    y -= heading ? 28 : 18;
  }
  const stream = ops.join('\n');
  const objects = [
    `<< /Type /Catalog /Pages 2 0 R${headings.length ? ' /Outlines 6 0 R' : ''} >>`,
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
    `<< /Length ${Buffer.byteLength(stream, 'latin1')} >>\nstream\n${stream}\nendstream`,
  ];
  if (headings.length) {
    const first = 7;
    const last = 7 + headings.length - 1;
    objects.push(`<< /Type /Outlines /First ${first} 0 R /Last ${last} 0 R /Count ${headings.length} >>`);
    headings.forEach((h, i) => {
      const n = 7 + i;
      objects.push(
        `<< /Title (${escapePdf(h.title)}) /Parent 6 0 R${i > 0 ? ` /Prev ${n - 1} 0 R` : ''}${i < headings.length - 1 ? ` /Next ${n + 1} 0 R` : ''} /Dest [3 0 R /XYZ 0 ${h.y + 20} 0] >>`,
      );
    });
  }
  const infoParts = [
    info.title && `/Title (${escapePdf(info.title)})`,
    info.author && `/Author (${escapePdf(info.author)})`,
    info.date && `/CreationDate (D:${info.date.replace(/-/g, '')}000000Z)`,
  ].filter(Boolean);
  if (infoParts.length) objects.push(`<< ${infoParts.join(' ')} >>`);
  return pdf(objects, infoParts.length ? `/Info ${objects.length} 0 R ` : '');
}

/** A page with only a drawn box: what a scan without OCR looks like to a text reader. */
export function scannedPdf(): Buffer {
  const stream = '0.5 g 60 60 480 660 re f';
  return pdf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
  ]);
}

/** A PDF that says it is encrypted with a user password (the standard security handler, RC4 40-bit). */
export function encryptedPdf(): Buffer {
  const hex = (n: number, seed: number) =>
    Array.from({ length: n }, (_, i) => ((i * 37 + seed) % 256).toString(16).padStart(2, '0')).join('');
  return pdf(
    [
      '<< /Type /Catalog /Pages 2 0 R >>',
      '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
      '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>',
      `<< /Filter /Standard /V 1 /R 2 /O <${hex(32, 11)}> /U <${hex(32, 99)}> /P -44 >>`,
    ],
    `/Encrypt 4 0 R /ID [<${hex(16, 5)}> <${hex(16, 5)}>] `,
  );
}

/** A zip archive with stored (uncompressed) entries: enough for a .docx. */
function zip(files: Record<string, string>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of Object.entries(files)) {
    const data = Buffer.from(content, 'utf8');
    const nameBytes = Buffer.from(name, 'utf8');
    const crc = zlib.crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, data);
    centrals.push(central, nameBytes);
    offset += 30 + nameBytes.length + data.length;
  }
  const centralSize = centrals.reduce((n, b) => n + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(files).length, 8);
  end.writeUInt16LE(Object.keys(files).length, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, ...centrals, end]);
}

const xml = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A Word document: paragraphs, "# " lines as Heading 1, "## " as Heading 2, *words* in italics. */
export function docx(lines: string[]): Buffer {
  const para = (line: string) => {
    const level = /^(#{1,2}) /.exec(line)?.[1]!.length;
    const text = level ? line.slice(level + 1) : line;
    const runs = text
      .split(/(\*[^*]+\*)/)
      .filter(Boolean)
      .map((part) =>
        part.startsWith('*')
          ? `<w:r><w:rPr><w:i/></w:rPr><w:t xml:space="preserve">${xml(part.slice(1, -1))}</w:t></w:r>`
          : `<w:r><w:t xml:space="preserve">${xml(part)}</w:t></w:r>`,
      )
      .join('');
    return `<w:p>${level ? `<w:pPr><w:pStyle w:val="Heading${level}"/></w:pPr>` : ''}${runs}</w:p>`;
  };
  return zip({
    '[Content_Types].xml':
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    '_rels/.rels':
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    'word/document.xml': `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${lines.map(para).join('')}</w:body></w:document>`,
  });
}

/** A web page with navigation and footer around an article, as sites serve them. */
export function htmlPage(): string {
  return `<!doctype html><html><head><title>Queues compared | Example Notes</title>
<meta property="og:site_name" content="Example Notes"><meta name="author" content="Dana Field">
<meta property="article:published_time" content="2025-04-09T10:00:00Z"><link rel="canonical" href="https://notes.example.org/queues">
<script>var tracking = "should never be read";</script></head><body>
<nav><a href="/">Home</a> <a href="/about">About</a> <a href="/subscribe">Subscribe to our newsletter</a></nav>
<article><h1>Queues compared</h1>
<p>We ran both brokers in our staging cluster for three months before choosing. This page records what we saw, in the order we saw it, so that the next team does not repeat our tests from scratch.</p>
<h2>Throughput</h2>
<p>RabbitMQ handled <em>many</em> small messages per second without tuning, and it&#8217;s easy to watch through its management page. Kafka needed partitions planned up front, but then it kept a steady rate even when consumers fell behind for hours.</p>
<h2>Operations</h2>
<p>Running Kafka meant learning about retention, compaction and rebalancing before the first release. RabbitMQ was simpler to operate for a small team, though its queues grew memory-hungry when consumers stopped.</p>
</article>
<footer><p>Copyright Example Notes. All rights reserved. Privacy policy and cookie settings.</p></footer>
</body></html>`;
}

export function markdownNote(): string {
  return `---
title: Picking a cache
author: [Lee Chen, Ana Ruiz]
date: 2024-02-29
url: https://example.org/cache
---

# Picking a cache

Some intro words about why the service needs a cache at all.

## Memory use

Redis keeps **every key** in memory, so the instance must be sized for the whole data set.
Memcached evicts old keys on its own and never writes them to disk.

## Persistence

Only Redis can write snapshots to disk and reload them after a restart.
`;
}
