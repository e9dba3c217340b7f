import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isPrivateAddress } from './address.js';

test('loopback, private, link-local, shared and mapped addresses are private', () => {
  for (const a of ['127.0.0.1', '10.1.2.3', '172.16.0.1', '172.31.255.255', '192.168.1.1', '169.254.169.254', '100.64.0.1', '0.0.0.0', '::1', '::', 'fe80::1', 'fd00::1', '::ffff:127.0.0.1', '::ffff:7f00:1', '[::1]', 'not-an-ip'])
    assert.equal(isPrivateAddress(a), true, a);
});

test('public addresses are not', () => {
  for (const a of ['8.8.8.8', '1.1.1.1', '172.32.0.1', '93.184.216.34', '2606:4700:4700::1111', '::ffff:8.8.8.8']) assert.equal(isPrivateAddress(a), false, a);
});
