// Where call recordings are stored and read back: a local directory by default, S3-compatible
// object storage when configured. Shared by the gateway (writes) and rest-api (reads).
export {};
