/**
 * An S3 error response: the HTTP status and the `<Error>` document S3 sends with it
 * (https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html).
 */
export class S3Error extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** Extra elements S3 adds for some codes (`AWSAccessKeyId`, `Key`, `UploadId`...). */
    readonly fields: Readonly<Record<string, string>> = {},
  ) {
    super(message);
  }

  toXml(requestId: string): string {
    const extra = Object.entries(this.fields).map(([name, value]) => xmlElement(name, value));
    return xmlDocument(
      xmlElement('Error', [
        xmlElement('Code', this.code),
        xmlElement('Message', this.message),
        ...extra,
        xmlElement('RequestId', requestId),
        xmlElement('HostId', 'fake-s3'),
      ]),
    );
  }
}

export function xmlDocument(root: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${root}`;
}

/** `<name>text</name>`, or the children joined when given a list of elements. */
export function xmlElement(name: string, content: string | readonly string[]): string {
  const inner = typeof content === 'string' ? escapeXml(content) : content.join('');
  return `<${name}>${inner}</${name}>`;
}

export function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => XML_ENTITIES[c]);
}

export function unescapeXml(text: string): string {
  return text.replace(/&(lt|gt|amp|quot|apos);/g, (_, name: string) => XML_CHARACTERS[name]);
}

const XML_ENTITIES: Record<string, string> = { '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' };
const XML_CHARACTERS: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
