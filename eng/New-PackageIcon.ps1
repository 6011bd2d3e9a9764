#Requires -Version 7.4
<#
.SYNOPSIS
    Draws the packages' icon, eng/icon.png: a white exclamation mark on a rounded square.
.DESCRIPTION
    No image tool is needed: the pixels are computed here (4x4 supersampled for smooth edges) and written as an RGBA
    PNG with .NET's zlib stream. The PNG is committed; run this only to change it.
        dotnet pwsh -NoProfile -File eng/New-PackageIcon.ps1
#>
[CmdletBinding()]
param(
    [string] $OutputPath = (Join-Path $PSScriptRoot 'icon.png'),
    [int] $Size = 128
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest

# A teal ground, a white mark.
$background = 0x0E, 0x7C, 0x86
$mark = 0xFF, 0xFF, 0xFF

# Shapes in a unit square: the rounded square, the bar (a capsule narrowing downwards) and the dot.
function Test-InBox([double] $x, [double] $y) {
    $r = 0.2; $cx = [Math]::Min([Math]::Max($x, $r), 1 - $r); $cy = [Math]::Min([Math]::Max($y, $r), 1 - $r)
    return (($x - $cx) * ($x - $cx) + ($y - $cy) * ($y - $cy)) -le $r * $r
}
function Test-InMark([double] $x, [double] $y) {
    $dx = $x - 0.5
    if ($y -ge 0.18 -and $y -le 0.60) {
        $halfWidth = 0.085 - 0.035 * ($y - 0.18) / 0.42
        if ([Math]::Abs($dx) -le $halfWidth) { return $true }
    }
    foreach ($end in @(@{ Y = 0.18; R = 0.085 }, @{ Y = 0.60; R = 0.05 })) {
        if ($dx * $dx + ($y - $end.Y) * ($y - $end.Y) -le $end.R * $end.R) { return $true }
    }
    return ($dx * $dx + ($y - 0.77) * ($y - 0.77)) -le 0.075 * 0.075
}

$samples = 4
$raw = [byte[]]::new($Size * (1 + 4 * $Size))
for ($py = 0; $py -lt $Size; $py++) {
    $row = $py * (1 + 4 * $Size)
    $raw[$row] = 0   # filter: none
    for ($px = 0; $px -lt $Size; $px++) {
        $inBox = 0; $inMark = 0
        for ($sy = 0; $sy -lt $samples; $sy++) {
            for ($sx = 0; $sx -lt $samples; $sx++) {
                $x = ($px + ($sx + 0.5) / $samples) / $Size; $y = ($py + ($sy + 0.5) / $samples) / $Size
                if (Test-InBox $x $y) { $inBox++; if (Test-InMark $x $y) { $inMark++ } }
            }
        }
        $at = $row + 1 + 4 * $px
        $markShare = if ($inBox) { $inMark / $inBox } else { 0 }
        for ($c = 0; $c -lt 3; $c++) {
            $raw[$at + $c] = [byte][Math]::Round($background[$c] * (1 - $markShare) + $mark[$c] * $markShare)
        }
        $raw[$at + 3] = [byte][Math]::Round(255 * $inBox / ($samples * $samples))
    }
}

# PNG's CRC-32; its polynomial 0xEDB88320 is written in decimal, as PowerShell reads that hex literal as a negative Int32.
$crcTable = [uint32[]]::new(256)
for ($n = 0; $n -lt 256; $n++) {
    $c = [uint32]$n
    for ($k = 0; $k -lt 8; $k++) { $c = if ($c -band 1) { [uint32](3988292384 -bxor ($c -shr 1)) } else { $c -shr 1 } }
    $crcTable[$n] = $c
}
function Get-Crc([byte[]] $bytes) {
    $crc = [uint32]::MaxValue
    foreach ($b in $bytes) { $crc = $crcTable[($crc -bxor $b) -band 0xFF] -bxor ($crc -shr 8) }
    return [uint32]($crc -bxor [uint32]::MaxValue)
}
function Get-BigEndian([uint32] $value) { $b = [BitConverter]::GetBytes($value); [Array]::Reverse($b); return $b }
function Write-Chunk([IO.Stream] $out, [string] $type, [byte[]] $data) {
    $typed = [Text.Encoding]::ASCII.GetBytes($type) + $data
    $out.Write((Get-BigEndian $data.Length), 0, 4)
    $out.Write($typed, 0, $typed.Length)
    $out.Write((Get-BigEndian (Get-Crc $typed)), 0, 4)
}

$compressed = [IO.MemoryStream]::new()
$zlib = [IO.Compression.ZLibStream]::new($compressed, [IO.Compression.CompressionLevel]::SmallestSize, $true)
$zlib.Write($raw, 0, $raw.Length)
$zlib.Dispose()

$png = [IO.MemoryStream]::new()
$png.Write([byte[]](0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A), 0, 8)
Write-Chunk $png 'IHDR' ((Get-BigEndian $Size) + (Get-BigEndian $Size) + [byte[]](8, 6, 0, 0, 0))
Write-Chunk $png 'IDAT' $compressed.ToArray()
Write-Chunk $png 'IEND' ([byte[]]@())
[IO.File]::WriteAllBytes($OutputPath, $png.ToArray())
Write-Host "Wrote $OutputPath ($($png.Length) bytes, ${Size}x${Size})"
