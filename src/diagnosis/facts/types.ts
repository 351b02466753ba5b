export interface ErrorFacts {
  /** AWS error code / exception name, e.g. 'AccessDeniedException', 'ExpiredToken'. */
  name?: string;
  /** From $metadata.httpStatusCode, $response.statusCode, or a status in the text. */
  httpStatus?: number;
  /** The meaningful message, normalised (straight quotes, whitespace and wraps collapsed). */
  message: string;
  /** Node system error code: ENOTFOUND, ECONNRESET, CERT_*, … */
  code?: string;
  /** A hostname found in the error, preferring a Bedrock one. */
  host?: string;
  requestId?: string;
  service?: string;
  operation?: string;
}

/** Facts plus the whole normalised text the message rules are matched against. */
export interface ExtractedFacts {
  facts: ErrorFacts;
  text: string;
}
