/** An error body as Twilio's REST API answers it: `{code, message, more_info, status}`. */
export class TwilioRestError extends Error {
  constructor(
    readonly status: number,
    readonly code: number,
    message: string,
  ) {
    super(message);
  }

  toJson(): string {
    const body = { code: this.code, message: this.message, more_info: `https://www.twilio.com/docs/errors/${this.code}`, status: this.status };
    return JSON.stringify(body);
  }
}

export const unauthenticated = () => new TwilioRestError(401, 20003, 'Authenticate');
export const notFound = (path: string) =>
  new TwilioRestError(404, 20404, `The requested resource ${path} was not found`);
export const invalid = (code: number, message: string) => new TwilioRestError(400, code, message);
