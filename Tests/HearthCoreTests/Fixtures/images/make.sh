#!/usr/bin/env bash
# Makes the image fixtures of ImageMetadataTests (run once; the files are committed). Needs Debian's
# imagemagick, webp and libimage-exiftool-perl, and python3.
#   photo.jpg, photo.png, photo.webp   a small picture with what a phone writes: GPS, serial
#                                      numbers, owner and artist names, a comment, XMP, IPTC (JPEG),
#                                      an Exif thumbnail (JPEG), orientation 6 and an ICC profile,
#                                      written by exiftool
#   handmade.{jpg,png,webp}            the same picture's image data in containers put together by
#                                      hand, with every kind of segment or chunk the walk meets
#   handmade.stripped.{jpg,png,webp}   what must be published of each: the golden output, assembled
#                                      here by hand, not by Hearth
#   test.icc                           a minimal ICC display profile (a header and a 'desc' tag)
set -euo pipefail
cd "$(dirname "$0")"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

python3 - <<'PY'
import struct
text = b"Hearth test profile\0"
desc = b"desc" + b"\0" * 4 + struct.pack(">I", len(text)) + text + b"\0" * 8 + b"\0" * 3 + b"\0" * 67
desc += b"\0" * (-len(desc) % 4)
offset = 128 + 4 + 12
header = (struct.pack(">I", offset + len(desc)) + b"none" + bytes([2, 0x10, 0, 0]) + b"mntrRGB XYZ "
          + struct.pack(">6H", 2024, 1, 1, 0, 0, 0) + b"acsp" + b"\0" * 28
          + struct.pack(">iii", 63190, 65536, 54061) + b"\0" * 48)
assert len(header) == 128
open("test.icc", "wb").write(header + struct.pack(">I", 1) + b"desc" + struct.pack(">II", offset, len(desc)) + desc)
PY

/usr/bin/convert -size 16x12 gradient:red-blue -quality 80 "$work/base.jpg"
/usr/bin/convert -size 8x6 xc:green "$work/thumb.jpg"
/usr/bin/convert -size 16x12 gradient:red-blue -define png:exclude-chunks=date,time "$work/base.png"
cwebp -quiet -q 80 "$work/base.png" -o "$work/base.webp"

common=(-GPSLatitude=51.5074 -GPSLatitudeRef=N -GPSLongitude=0.1278 -GPSLongitudeRef=W
  -SerialNumber=SN123456789 -Artist="Alex Example" -OwnerName="Alex Example" -Orientation#=6
  -XMP-dc:Creator="Alex Example" -XMP-exif:GPSLatitude="51.5074 N" "-ICC_Profile<=test.icc")
cp "$work/base.jpg" photo.jpg
exiftool -q -overwrite_original "${common[@]}" -LensSerialNumber=LENS987654 -Comment="taken at home" \
  -UserComment="at home" -ImageDescription="the chairs by the window" -DateTimeOriginal="2024:05:01 10:00:00" \
  -Make=HearthCam -Model="Test 1" "-ThumbnailImage<=$work/thumb.jpg" -IPTC:By-line="Alex Example" \
  -IPTC:City=Hometown photo.jpg
cp "$work/base.png" photo.png
exiftool -q -overwrite_original -ExifByteOrder=Little-endian "${common[@]}" -PNG:Comment="taken at home" \
  -PNG:Author="Alex Example" photo.png
cp "$work/base.webp" photo.webp
exiftool -q -overwrite_original "${common[@]}" photo.webp

WORK="$work" python3 - <<'PY'
import os, struct, zlib
work = os.environ["WORK"]
icc = open("test.icc", "rb").read()

def tiff(little, orientation, gps):
    """A TIFF structure: IFD0 with an Orientation, an Artist and, with gps, a GPS IFD pointer."""
    e = "<" if little else ">"
    entries = [(0x0112, 3, 1, struct.pack(e + "HH", orientation, 0)), (0x013B, 2, 4, b"Ann\0")]
    if gps:
        entries.append((0x8825, 4, 1, struct.pack(e + "I", 8 + 2 + 12 * 3 + 4)))
    out = (b"II" if little else b"MM") + struct.pack(e + "HI", 42, 8) + struct.pack(e + "H", len(entries))
    for tag, kind, count, value in entries:
        out += struct.pack(e + "HHI", tag, kind, count) + value
    out += struct.pack(e + "I", 0)
    if gps:  # the GPS IFD: GPSLatitudeRef "N"
        out += struct.pack(e + "H", 1) + struct.pack(e + "HHI", 1, 2, 2) + b"N\0\0\0" + struct.pack(e + "I", 0)
    return out

def minimal(orientation):
    """The Exif Hearth writes: big-endian, IFD0 with the orientation alone."""
    return b"MM\0*\0\0\0\x08\0\x01\x01\x12\0\x03\0\0\0\x01\0" + bytes([orientation]) + b"\0\0\0\0\0\0"

xmp = (b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
       b'<rdf:Description xmlns:exif="http://ns.adobe.com/exif/1.0/" exif:GPSLatitude="51,30.4N"/>'
       b'</rdf:RDF></x:xmpmeta>')

# JPEG: the picture's segments, with metadata of every kind between them.
def segments(data):
    i, out = 2, []
    while True:
        marker = data[i + 1]
        if marker == 0xDA:
            out.append(data[i:len(data) - 2])
            return out
        n = struct.unpack(">H", data[i + 2:i + 4])[0]
        out.append(data[i:i + 2 + n])
        i += 2 + n

def seg(marker, payload):
    return bytes([0xFF, marker]) + struct.pack(">H", len(payload) + 2) + payload

base = open(f"{work}/base.jpg", "rb").read()
parts = segments(base)
jfif, picture = parts[0], parts[1:]
assert jfif[4:9] == b"JFIF\0" and len(jfif) == 18
app1 = seg(0xE1, b"Exif\0\0" + tiff(True, 8, True))
app1xmp = seg(0xE1, b"http://ns.adobe.com/xap/1.0/\0" + xmp)
icc_seg = seg(0xE2, b"ICC_PROFILE\0\x01\x01" + icc)
mpf = seg(0xE2, b"MPF\0" + b"\0" * 8)
iptc = seg(0xED, b"Photoshop 3.0\0" + b"8BIM\x04\x04\0\0\0\0\0\x05\x1c\x02P\0\x00")
adobe = seg(0xEE, b"Adobe\0\x64\0\0\0\0\x01")
app15 = seg(0xEF, b"private")
comment = seg(0xFE, b"taken at home")
source = (b"\xFF\xD8" + jfif + app1 + app1xmp + icc_seg + mpf + iptc + adobe + app15 + comment
          + b"".join(picture) + b"\xFF\xD9" + b"\xFF\xD8trailer Exif\0\0" + tiff(False, 1, True))
expected = (b"\xFF\xD8" + jfif + seg(0xE1, b"Exif\0\0" + minimal(8)) + icc_seg + adobe
            + b"".join(picture) + b"\xFF\xD9")
open("handmade.jpg", "wb").write(source)
open("handmade.stripped.jpg", "wb").write(expected)

# PNG: the picture's chunks, with text, time, Exif and a private chunk before its data.
def chunks(data):
    i, out = 8, []
    while i < len(data):
        n = struct.unpack(">I", data[i:i + 4])[0]
        out.append((data[i + 4:i + 8], data[i:i + 12 + n]))
        i += 12 + n
    return out

def chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

sig = b"\x89PNG\r\n\x1a\n"
named = chunks(open(f"{work}/base.png", "rb").read())
ihdr = [c for k, c in named if k == b"IHDR"][0]
idat = [c for k, c in named if k == b"IDAT"]
iend = [c for k, c in named if k == b"IEND"][0]
kept = [chunk(b"sBIT", bytes([16, 16, 16])), chunk(b"pHYs", struct.pack(">IIB", 2835, 2835, 1)),
        chunk(b"iCCP", b"test\0\0" + zlib.compress(icc))]
source = (sig + ihdr + kept[0] + chunk(b"tEXt", b"Author\0Ann") + kept[1]
          + chunk(b"zTXt", b"Comment\0\0" + zlib.compress(b"taken at home"))
          + chunk(b"iTXt", b"XML:com.adobe.xmp\0\0\0\0\0" + xmp) + chunk(b"tIME", bytes([7, 232, 5, 1, 10, 0, 0]))
          + kept[2] + chunk(b"eXIf", tiff(False, 3, True)) + chunk(b"prVt", b"private")
          + b"".join(idat) + chunk(b"tEXt", b"Comment\0late") + iend + b"after the end")
expected = sig + ihdr + kept[0] + kept[1] + kept[2] + chunk(b"eXIf", minimal(3)) + b"".join(idat) + iend
open("handmade.png", "wb").write(source)
open("handmade.stripped.png", "wb").write(expected)

# WebP: VP8X with the ICC, EXIF and XMP flags, the picture's VP8 chunk, metadata and an odd-sized
# private chunk (with its pad byte).
def riff(kind, data):
    return kind + struct.pack("<I", len(data)) + data + (b"\0" if len(data) % 2 else b"")

webp = open(f"{work}/base.webp", "rb").read()
assert webp[12:16] == b"VP8 "
vp8 = webp[12:]
def vp8x(flags):
    return riff(b"VP8X", bytes([flags, 0, 0, 0]) + (15).to_bytes(3, "little") + (11).to_bytes(3, "little"))
body = (vp8x(0x2C) + riff(b"ICCP", icc) + vp8 + riff(b"EXIF", tiff(True, 6, True)) + riff(b"XMP ", xmp)
        + riff(b"ZZZZ", b"odd"))
source = b"RIFF" + struct.pack("<I", len(body) + 4) + b"WEBP" + body + b"after the end"
kept = vp8x(0x20) + riff(b"ICCP", icc) + vp8
expected = b"RIFF" + struct.pack("<I", len(kept) + 4) + b"WEBP" + kept
open("handmade.webp", "wb").write(source)
open("handmade.stripped.webp", "wb").write(expected)
PY
ls -l
