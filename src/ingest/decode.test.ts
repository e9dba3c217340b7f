import assert from 'node:assert/strict';
import { test } from 'node:test';
import iconv from 'iconv-lite';
import { decodeText } from './decode.js';

test('UTF-8 with and without BOM, UTF-16 by BOM, legacy encodings converted', () => {
  assert.equal(decodeText(Buffer.from('Zelensky said “no”.'), 'a'), 'Zelensky said “no”.');
  assert.equal(decodeText(Buffer.from('\ufeffKyiv'), 'a'), 'Kyiv');
  assert.equal(decodeText(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Kyiv talks', 'utf16le')]), 'a'), 'Kyiv talks');
  const ru = 'Песков заявил журналистам, что дата переговоров пока не определена и Кремль ждёт ответа.';
  assert.equal(decodeText(iconv.encode(ru, 'windows-1251'), 'ru.txt'), ru);
  assert.equal(decodeText(iconv.encode('Le président a déclaré à la presse qu’il était prêt.', 'latin1'), 'fr.txt', 'iso-8859-1'), 'Le président a déclaré à la presse qu?il était prêt.');
});

test('empty and binary inputs are refused, naming the input', () => {
  assert.throws(() => decodeText(Buffer.alloc(0), 'empty.txt'), /empty\.txt: empty input/);
  assert.throws(() => decodeText(Buffer.from('  \n\t '), 'blank.txt'), /blank\.txt: empty input/);
  assert.throws(() => decodeText(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]), 'x.png'), /x\.png: binary content/);
});
