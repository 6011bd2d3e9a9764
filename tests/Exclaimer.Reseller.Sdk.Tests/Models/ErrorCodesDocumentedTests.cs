using System;
using System.IO;
using System.Linq;
using System.Reflection;

namespace Exclaimer.Reseller.Sdk.Tests.Models;

/// <summary>Every error code a caller can match on is a constant of ResellerErrorCodes and a row of docs/errors.md.</summary>
public sealed class ErrorCodesDocumentedTests
{
    [Fact]
    public void Every_ResellerErrorCodes_constant_has_a_row_in_docs_errors_md_R14_codes_included()
    {
        var codes = typeof(ResellerErrorCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(field => field.IsLiteral)
            .Select(field => (string)field.GetRawConstantValue()!)
            .ToList();
        var table = File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "errors.md"));

        Assert.Contains(ResellerErrorCodes.SpfMoreThanOneRecord, codes);
        Assert.Contains(ResellerErrorCodes.SpfDnsLookupFailed, codes);
        Assert.All(codes, code => Assert.Contains($"| `{code}` |", table, StringComparison.Ordinal));
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Exclaimer.Reseller.Sdk.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (Exclaimer.Reseller.Sdk.sln) is not above " + AppContext.BaseDirectory);
    }
}
