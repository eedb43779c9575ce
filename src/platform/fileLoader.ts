/** What opening a scenario file takes in the browser (YAML, the schema, the loader): one lazy chunk. */
export { loadScenario } from '../engine/scenario/load.js';
export { MAX_FILE_BYTES } from '../engine/yamlSource.js';
