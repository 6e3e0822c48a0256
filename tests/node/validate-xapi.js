// validate-xapi.js FILE: check a `lectern export --xapi` file with the
// xapi-validation package (Learning Locker's validator of the xAPI 1.0.3
// statement rules). Prints one line per problem and exits 1 when there is
// any; prints a summary (statements, verbs, interaction types) otherwise.
'use strict';
const fs = require('fs');
const path = require('path');
const validate = require(path.join(__dirname, 'node_modules', 'xapi-validation')).default;

const file = process.argv[2];
let doc;
try {
  doc = JSON.parse(fs.readFileSync(file, 'utf8'));
} catch (e) {
  console.log(`${file}: not JSON: ${e.message}`);
  process.exit(1);
}
if (!Array.isArray(doc)) {
  console.log(`${file}: not a JSON array`);
  process.exit(1);
}
let problems = 0;
const ids = new Set();
const verbs = {};
const types = {};
doc.forEach((st, i) => {
  const warnings = validate(st);
  for (const w of warnings) {
    problems++;
    console.log(`statement ${i} (${st.verb && st.verb.id}): ${w.path ? w.path.join('.') : ''}: ${w.message || JSON.stringify(w)}`);
  }
  if (!st.id) { problems++; console.log(`statement ${i}: no id`); }
  if (ids.has(st.id)) { problems++; console.log(`statement ${i}: id ${st.id} repeated`); }
  ids.add(st.id);
  if (!st.timestamp) { problems++; console.log(`statement ${i}: no timestamp`); }
  const verb = st.verb.id.replace('http://adlnet.gov/expapi/verbs/', '');
  verbs[verb] = (verbs[verb] || 0) + 1;
  const def = st.object && st.object.definition;
  if (verb === 'answered') {
    if (!def || def.type !== 'http://adlnet.gov/expapi/activities/cmi.interaction' ||
        !def.interactionType || typeof st.result.response !== 'string' ||
        typeof st.result.success !== 'boolean') {
      problems++;
      console.log(`statement ${i}: answered without interaction definition or result`);
    } else {
      types[def.interactionType] = (types[def.interactionType] || 0) + 1;
    }
  }
  if ((verb === 'passed' || verb === 'failed') &&
      !(st.result && st.result.score && typeof st.result.score.scaled === 'number')) {
    problems++;
    console.log(`statement ${i}: ${verb} without a scaled score`);
  }
});
if (problems) process.exit(1);
console.log(JSON.stringify({ statements: doc.length, verbs, interactionTypes: types }));
