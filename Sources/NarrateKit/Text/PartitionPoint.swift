extension RandomAccessCollection {
    /// Binary search in a collection ordered so that every element `isBefore` accepts comes
    /// first: the index of the first one it does not (`endIndex` if none).
    func partitionPoint(_ isBefore: (Element) -> Bool) -> Index {
        var low = startIndex, count = self.count
        while count > 0 {
            let half = count / 2
            let middle = index(low, offsetBy: half)
            if isBefore(self[middle]) {
                low = index(after: middle)
                count -= half + 1
            } else {
                count = half
            }
        }
        return low
    }
}
