// The generator targets netstandard2.0, which lacks the marker type that C# needs for records and init accessors.
namespace System.Runtime.CompilerServices
{
    internal static class IsExternalInit
    {
    }
}
