// A run that keeps failing is closed as failed on its last try rather than retried for hours.
export const RAG_RUN_MAX_ATTEMPTS = 3;
