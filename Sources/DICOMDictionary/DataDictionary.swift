import DICOMCore

/// Placeholder until the generated dictionary lands (see scripts/generate_dictionary.py).
public enum DataDictionary {}
