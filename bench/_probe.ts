import { check } from '@proactive/dsl';
for (const text of [
  'when visitor.page_url contains "x" for 30',
  'when visitor.page_url contains "x" for 90',
  'when visitor.page_url contains "x" once per visit',
  'when visitor.page_url contains "x" once_per_session',
  'when visitor.url contains "x"',
  'when visitor.page_url == "x"',
  'when visitor.page_url != "x"',
  'when visitor.page_url is "x" and visitor.url is "y" or device.lang is "fr" and visitor.page_url == "z"',
  'when visitor.page_url contains "x" every time',
  'when visitor.page_url contains "x" during business hours',
  'when visitor.page_url contains "x" tags "a"',
  'when visitor.page_url equals "x"',
  'when visitor.page_url contians "x"',
  'when visitor.page_url is 5',
  'when ! visitor.page_url is "x"',
]) { console.log(text); for (const d of check(text).diagnostics) console.log(`   ${d.range.start}-${d.range.end} ${d.code}: ${d.message}${d.fix ? ' FIX ' + JSON.stringify(d.fix.edits) : ''}`); }
