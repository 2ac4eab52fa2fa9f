"""Decodes a PNG (8-bit RGB or RGBA, as Chromium writes screenshots) with the standard library
only and prints {"width", "height", "colors", "non_white"}: how many distinct colors and what
fraction of pixels are not white. A test fixture for the HTML report test."""
import json
import struct
import sys
import zlib

data = open(sys.argv[1], "rb").read()
assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
pos, idat, width, height, channels = 8, b"", 0, 0, 0
while pos < len(data):
    length, kind = struct.unpack(">I4s", data[pos:pos + 8])
    body = data[pos + 8:pos + 8 + length]
    if kind == b"IHDR":
        width, height, depth, color_type = struct.unpack(">IIBB", body[:10])
        assert depth == 8 and color_type in (2, 6), (depth, color_type)
        channels = 3 if color_type == 2 else 4
    elif kind == b"IDAT":
        idat += body
    pos += 12 + length
raw = zlib.decompress(idat)
stride = width * channels
previous = bytearray(stride)
colors, non_white = set(), 0
for y in range(height):
    start = y * (stride + 1)
    kind, line = raw[start], bytearray(raw[start + 1:start + 1 + stride])
    for i in range(stride):
        left = line[i - channels] if i >= channels else 0
        up = previous[i]
        up_left = previous[i - channels] if i >= channels else 0
        if kind == 1:
            line[i] = (line[i] + left) & 255
        elif kind == 2:
            line[i] = (line[i] + up) & 255
        elif kind == 3:
            line[i] = (line[i] + (left + up) // 2) & 255
        elif kind == 4:
            p = left + up - up_left
            pa, pb, pc = abs(p - left), abs(p - up), abs(p - up_left)
            line[i] = (line[i] + (left if pa <= pb and pa <= pc else up if pb <= pc else up_left)) & 255
    for x in range(0, stride, channels * 4):  # every 4th pixel is enough to count
        pixel = bytes(line[x:x + 3])
        colors.add(pixel)
        non_white += pixel != b"\xff\xff\xff"
    previous = line
print(json.dumps({"width": width, "height": height, "colors": len(colors),
                  "non_white": non_white / max(1, (width // 4) * height)}))
