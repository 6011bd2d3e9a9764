using System;
using System.IO;
using System.Linq;
using System.Reflection;

namespace Exclaimer.Reseller.Sdk.Tests.Docs;

/// <summary>R17, a clear error: every code a caller can match on has its row in docs/errors.md, saying what to do.</summary>
public sealed class R17_ErrorCodesDocumentedTests
{
    [Fact]
    public void R17_every_error_code_is_a_row_of_docs_errors_md()
    {
        var codes = typeof(ResellerErrorCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(field => field.IsLiteral)
            .Select(field => (string)field.GetRawConstantValue()!)
            .ToArray();
        var table = File.ReadAllLines(ErrorsDocument()).Where(line => line.StartsWith("| `", StringComparison.Ordinal)).ToArray();

        Assert.NotEmpty(codes);
        Assert.All(codes, code => Assert.Contains(table, row => row.StartsWith($"| `{code}` |", StringComparison.Ordinal)));
    }

    /// <summary>docs/errors.md of this checkout, found from the test's own folder.</summary>
    private static string ErrorsDocument()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var candidate = Path.Combine(folder.FullName, "docs", "errors.md");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException("docs/errors.md was not found above " + AppContext.BaseDirectory);
    }
}
