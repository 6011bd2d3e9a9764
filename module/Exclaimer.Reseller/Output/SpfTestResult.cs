using System.Management.Automation;

namespace Exclaimer.Reseller.PowerShell.Output;

/// <summary>
/// What <c>Test-ResellerSpfRecord</c> writes for one domain: an object with plain values (the address as text, the
/// result as RFC 7208's lower-case name), so <c>Export-Csv</c> and <c>ConvertTo-Json</c> give what the screen shows.
/// </summary>
internal sealed class SpfTestResult
{
    /// <summary>The type name the format view (Exclaimer.Reseller.Format.ps1xml) and <c>Get-Member</c> know it by.</summary>
    public const string TypeName = "Exclaimer.Reseller.SpfTestResult";

    public string Domain { get; set; } = string.Empty;

    /// <summary>The address checked; null when the record itself was checked.</summary>
    public string? IPAddress { get; set; }

    /// <summary><c>pass</c>, <c>fail</c>, <c>softfail</c>, <c>neutral</c>, <c>none</c>, <c>permerror</c> or <c>temperror</c>.</summary>
    public string Result { get; set; } = string.Empty;

    public string? Record { get; set; }

    public int DnsLookups { get; set; }

    public int VoidLookups { get; set; }

    public string? Explanation { get; set; }

    public string? Reason { get; set; }

    public PSObject ToView()
    {
        var view = new PSObject();
        view.Properties.Add(new PSNoteProperty(nameof(Domain), Domain));
        view.Properties.Add(new PSNoteProperty(nameof(IPAddress), IPAddress));
        view.Properties.Add(new PSNoteProperty(nameof(Result), Result));
        view.Properties.Add(new PSNoteProperty(nameof(Record), Record));
        view.Properties.Add(new PSNoteProperty(nameof(DnsLookups), DnsLookups));
        view.Properties.Add(new PSNoteProperty(nameof(VoidLookups), VoidLookups));
        view.Properties.Add(new PSNoteProperty(nameof(Explanation), Explanation));
        view.Properties.Add(new PSNoteProperty(nameof(Reason), Reason));
        view.TypeNames.Insert(0, TypeName);
        return view;
    }
}
