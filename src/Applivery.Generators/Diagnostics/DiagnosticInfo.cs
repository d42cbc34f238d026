using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Applivery.Generators.Diagnostics;

/// <summary>A place in a spec file, kept as plain values: a Roslyn <see cref="Location"/> must not live in the pipeline.</summary>
internal sealed record SpecLocation(string FilePath, int Start, int Length, int StartLine, int StartColumn, int EndLine, int EndColumn)
{
    public Location ToLocation() =>
        Location.Create(
            FilePath,
            new TextSpan(Start, Length),
            new LinePositionSpan(new LinePosition(StartLine, StartColumn), new LinePosition(EndLine, EndColumn)));
}

/// <summary>A diagnostic as data, turned into a Roslyn <see cref="Diagnostic"/> only when it is reported.</summary>
internal sealed record DiagnosticInfo(string Id, EquatableArray<string> Arguments, SpecLocation? Location)
{
    public Diagnostic ToDiagnostic() =>
        Diagnostic.Create(
            DiagnosticDescriptors.Get(Id),
            Location?.ToLocation() ?? Microsoft.CodeAnalysis.Location.None,
            Arguments.Cast<object>().ToArray());
}
