// The contracts are read with js-yaml's core schema (fast); the yaml package is the reference YAML 1.2
// reader. Both must read every contract to the same value, or the faster one is wrong.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { adminContractFile, contractFile, loadContractDocument } from '../../server/contract.js';

describe('loadContractDocument', () => {
  it.each([
    ['openapi.yaml', contractFile],
    ['admin-openapi.yaml', adminContractFile],
  ])('reads %s as the yaml package does', (_name, file) => {
    expect(loadContractDocument(file)).toStrictEqual(parse(readFileSync(file, 'utf8')));
  });

  it('keeps dates in examples as text', () => {
    const text = JSON.stringify(loadContractDocument(contractFile));
    expect(text).toMatch(/"\d{4}-\d{2}-\d{2}"/);
  });
});
