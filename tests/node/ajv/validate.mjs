// validate.mjs: data/pack.schema.json through ajv, for tests/test-schema.py
//
// ajv is the JSON Schema validator most editors and CI use; ajv-cli stops
// at the first file that is not JSON, so the test drives the library the
// CLI wraps (the same ajv, Ajv2020 with ajv-formats, strict mode) and gets
// one line of JSON per file: {"file", "valid", "errors"}. A file that is not
// JSON counts as refused, as it is for the Python validator.
//
//   node validate.mjs SCHEMA FILE...
import { readFileSync } from "node:fs";
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";

const [schemaPath, ...files] = process.argv.slice(2);
const ajv = new Ajv2020({ strict: true, allErrors: true });
addFormats(ajv);
const validate = ajv.compile(JSON.parse(readFileSync(schemaPath, "utf8")));

for (const file of files) {
  let data;
  try {
    const text = new TextDecoder("utf-8", { fatal: true }).decode(readFileSync(file));
    data = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (e) {
    console.log(JSON.stringify({ file, valid: false, errors: [`not JSON: ${e.message}`] }));
    continue;
  }
  const valid = validate(data);
  const errors = valid ? [] : validate.errors.map((e) => `${e.instancePath || "/"}: ${e.message}`);
  console.log(JSON.stringify({ file, valid, errors }));
}
