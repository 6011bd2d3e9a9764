using System;
using System.Globalization;
using System.IO;

namespace Exclaimer.Reseller.Tests.Dns;

/// <summary>
/// Reads records into a <see cref="TestZone"/> from a text file, one record a line:
/// <c>name TYPE data</c>. TXT (and SPF): the rest of the line is the one string, double quotes around it optional;
/// MX: preference and exchange; A, AAAA, PTR: one value; TIMEOUT and SERVFAIL: nothing; DELAY: milliseconds.
/// Blank lines and lines starting with <c>#</c> are skipped.
/// </summary>
internal static class ZoneFile
{
    public static TestZone Read(string path, TestZone zone)
    {
        var number = 0;
        foreach (var raw in File.ReadAllLines(path))
        {
            number++;
            var line = raw.Trim();
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var parts = line.Split((char[]?)null, 3, StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length < 2)
            {
                throw new FormatException($"{path}, line {number}: write 'name TYPE data'.");
            }

            var type = parts[1].ToUpperInvariant();
            var data = parts.Length == 3 ? parts[2] : string.Empty;
            switch (type)
            {
                case "TXT" or "SPF":
                    zone.Add(parts[0], type, data.Length >= 2 && data[0] == '"' && data[^1] == '"' ? data[1..^1] : data);
                    break;
                case "MX":
                    zone.Add(parts[0], type, data.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
                    break;
                case "TIMEOUT" or "SERVFAIL":
                    zone.Add(parts[0], type);
                    break;
                case "A" or "AAAA" or "PTR" or "DELAY":
                    zone.Add(parts[0], type, data);
                    break;
                default:
                    throw new FormatException(string.Create(CultureInfo.InvariantCulture, $"{path}, line {number}: unknown type '{parts[1]}'."));
            }
        }

        return zone;
    }
}
