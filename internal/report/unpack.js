// Unpacks and runs the echarts build that a self-contained page carries
// deflated (RFC 1951) and base64-encoded, which makes the page 0.3 MB
// smaller than carrying the script as it is. It runs synchronously before
// init.js, defines the same global echarts as the plain script, and loads
// nothing. The inflater follows zlib's puff.c (canonical Huffman codes),
// with a table for the codes of up to 9 bits.
(function (packed, size) {
  "use strict";
  var bin = atob(packed);
  var inp = new Uint8Array(bin.length);
  for (var i = 0; i < bin.length; i++) { inp[i] = bin.charCodeAt(i); }
  var out = new Uint8Array(size);
  var ip = 0, op = 0, buf = 0, cnt = 0;

  function fail(what) { throw new Error("kompass: the packed echarts is damaged (" + what + ")"); }

  // need bits from the input, least significant first
  function bits(need) {
    var v = buf;
    while (cnt < need) {
      if (ip >= inp.length) { fail("input ends"); }
      v |= inp[ip++] << cnt;
      cnt += 8;
    }
    buf = v >>> need;
    cnt -= need;
    return v & ((1 << need) - 1);
  }

  // A Huffman code from code lengths: how many codes each length has, the
  // symbols in code order, and a table for the codes of up to 9 bits, by
  // their next 9 input bits (entry: symbol << 4 | length).
  function huffman(lengths, from, n) {
    var count = new Uint16Array(16), offs = new Uint16Array(16), symbol = new Uint16Array(n), s, len;
    for (s = 0; s < n; s++) { count[lengths[from + s]]++; }
    for (len = 1; len < 15; len++) { offs[len + 1] = offs[len] + count[len]; }
    for (s = 0; s < n; s++) {
      if (lengths[from + s] !== 0) { symbol[offs[lengths[from + s]]++] = s; }
    }
    var table = new Int32Array(512), code = 0, k = 0;
    for (len = 1; len <= 9; len++) {
      for (var j = 0; j < count[len]; j++, k++, code++) {
        var rev = 0; // the code's bits come first bit first: reverse them
        for (var b = 0; b < len; b++) { rev |= ((code >> b) & 1) << (len - 1 - b); }
        for (; rev < 512; rev += 1 << len) { table[rev] = symbol[k] << 4 | len; }
      }
      code <<= 1;
    }
    return { count: count, symbol: symbol, table: table };
  }

  function decode(h) {
    while (cnt < 9 && ip < inp.length) { buf |= inp[ip++] << cnt; cnt += 8; }
    var e = h.table[buf & 511];
    if (e !== 0 && (e & 15) <= cnt) {
      buf >>>= e & 15;
      cnt -= e & 15;
      return e >> 4;
    }
    // a longer code (or the end of the input): bit by bit, as puff.c does
    var code = 0, first = 0, index = 0, count = h.count;
    for (var len = 1; len < 16; len++) {
      if (cnt === 0) {
        if (ip >= inp.length) { fail("input ends"); }
        buf = inp[ip++];
        cnt = 8;
      }
      code |= buf & 1;
      buf >>>= 1;
      cnt--;
      var c = count[len];
      if (code - c < first) { return h.symbol[index + (code - first)]; }
      index += c;
      first = (first + c) << 1;
      code <<= 1;
    }
    return fail("bad code");
  }

  var LBASE = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258];
  var LEXT = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0];
  var DBASE = [1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577];
  var DEXT = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13];
  var ORDER = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15];

  function codes(lencode, distcode) {
    for (;;) {
      var sym = decode(lencode);
      if (sym < 256) {
        if (op >= size) { fail("output too long"); }
        out[op++] = sym;
      } else if (sym === 256) {
        return;
      } else {
        sym -= 257;
        if (sym >= 29) { fail("bad length"); }
        var len = LBASE[sym] + bits(LEXT[sym]);
        var ds = decode(distcode);
        if (ds >= 30) { fail("bad distance"); }
        var dist = DBASE[ds] + bits(DEXT[ds]);
        if (dist > op) { fail("distance too far"); }
        if (op + len > size) { fail("output too long"); }
        for (; len > 0; len--, op++) { out[op] = out[op - dist]; }
      }
    }
  }

  function stored() {
    // the rest of the current byte is padding; whole bytes read ahead
    // into buf go back to the input
    ip -= cnt >> 3;
    buf = 0;
    cnt = 0;
    if (ip + 4 > inp.length) { fail("input ends"); }
    var len = inp[ip] | (inp[ip + 1] << 8);
    if ((len ^ 0xffff) !== (inp[ip + 2] | (inp[ip + 3] << 8))) { fail("bad stored length"); }
    ip += 4;
    if (ip + len > inp.length || op + len > size) { fail("stored block too long"); }
    out.set(inp.subarray(ip, ip + len), op);
    ip += len;
    op += len;
  }

  var fixed = null;
  function fixedCodes() {
    if (!fixed) {
      var l = new Uint8Array(288 + 30), s = 0;
      for (; s < 144; s++) { l[s] = 8; }
      for (; s < 256; s++) { l[s] = 9; }
      for (; s < 280; s++) { l[s] = 7; }
      for (; s < 288; s++) { l[s] = 8; }
      for (; s < 318; s++) { l[s] = 5; }
      fixed = [huffman(l, 0, 288), huffman(l, 288, 30)];
    }
    codes(fixed[0], fixed[1]);
  }

  function dynamic() {
    var nlen = bits(5) + 257, ndist = bits(5) + 1, ncode = bits(4) + 4, i;
    if (nlen > 286 || ndist > 30) { fail("bad counts"); }
    var cl = new Uint8Array(19);
    for (i = 0; i < ncode; i++) { cl[ORDER[i]] = bits(3); }
    var clcode = huffman(cl, 0, 19);
    var lengths = new Uint8Array(nlen + ndist);
    for (i = 0; i < nlen + ndist;) {
      var sym = decode(clcode);
      if (sym < 16) {
        lengths[i++] = sym;
        continue;
      }
      var len = 0, rep;
      if (sym === 16) {
        if (i === 0) { fail("repeat with no length"); }
        len = lengths[i - 1];
        rep = 3 + bits(2);
      } else if (sym === 17) {
        rep = 3 + bits(3);
      } else {
        rep = 11 + bits(7);
      }
      if (i + rep > nlen + ndist) { fail("too many lengths"); }
      while (rep--) { lengths[i++] = len; }
    }
    codes(huffman(lengths, 0, nlen), huffman(lengths, nlen, ndist));
  }

  var last;
  do {
    last = bits(1);
    var type = bits(2);
    if (type === 0) { stored(); } else if (type === 1) { fixedCodes(); } else if (type === 2) { dynamic(); } else { fail("bad block type"); }
  } while (!last);
  if (op !== size) { fail("output too short"); }

  // Indirect eval runs the script in the global scope, as a <script>
  // element would: its top-level var echarts becomes window.echarts.
  (0, eval)(new TextDecoder().decode(out));
})
