// The pipeline version: part of every output and of the resume manifest key, so a change of the
// rules re-processes files whose bytes did not change. Bump with package.json.
export const PIPELINE_VERSION = '0.1.0';
